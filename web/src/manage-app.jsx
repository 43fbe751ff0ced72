// Managing a booking from the link in its emails: the token stays in the URL fragment and
// travels only in the X-Manage-Token header.
import { useEffect, useState } from 'preact/hooks';
import { problemMessage, saveFile } from './api.js';
import { SessionList } from './booking-review.jsx';
import { Actions, Alert, SlotPicker, Step, ZoneNote, slotKey } from './ui.jsx';
import { t } from './text.js';
import { clinicDate, dayLabel, instant, whenLabel } from './time.js';

export function manageToken(hash) {
  return new URLSearchParams(hash.replace(/^#/, '')).get('token');
}

export function ManageApp({ api, settings, bookingId, token }) {
  const { catalog, booking: policy } = settings;
  const [booking, setBooking] = useState(null);
  const [failure, setFailure] = useState(token ? null : t('manage.missingToken'));
  const [action, setAction] = useState(null);
  const [message, setMessage] = useState(null);
  const [error, setError] = useState(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (!token) return;
    api.booking(bookingId, token).then(setBooking)
      .catch((e) => setFailure(e.status === 404 || e.status === 401 ? t('manage.notFound') : problemMessage(e, t)));
  }, [bookingId, token]);

  if (failure) return <Step title={t('page.manageTitle')}><Alert>{failure}</Alert></Step>;
  if (!booking) return <p class="loading" role="status">{t('common.loading')}</p>;

  const service = catalog.services.find((s) => s.id === booking.serviceId);
  const location = catalog.locations.find((l) => l.id === booking.locationId);
  const name = (id) => catalog.practitioners.find((p) => p.id === id)?.name ?? id;
  const active = booking.sessions.filter((s) => s.status === 'booked');
  const upcoming = active.filter((s) => instant(s.start) > new Date());
  const changeable = (s, hours) => instant(s.start).getTime() - Date.now() > hours * 3_600_000;

  const run = async (work, success) => {
    setBusy(true);
    setError(null);
    try {
      const updated = await work();
      setBooking(updated);
      setAction(null);
      setMessage(success(updated));
    } catch (e) {
      setError(problemMessage(e, t));
    } finally {
      setBusy(false);
    }
  };
  const cancel = (numbers) => run(() => api.cancel(bookingId, token, numbers),
    () => (numbers.length === 1 ? t('manage.cancelledOne', { n: numbers[0] }) : t('manage.cancelledAll')));
  const move = (n, slot) => run(() => api.reschedule(bookingId, n, token, { start: slot.start, practitionerId: slot.practitionerId }),
    (updated) => t('manage.moved', { n, when: whenLabel(updated.sessions.find((s) => s.number === n).start) }));
  const download = async () => {
    setError(null);
    try {
      saveFile(await api.calendar(bookingId, token), `appointment-${bookingId}.ics`);
    } catch (e) {
      setError(problemMessage(e, t));
    }
  };
  const open = (next) => {
    setMessage(null);
    setError(null);
    setAction(next);
  };

  return (
    <Step title={service?.name ?? t('page.manageTitle')}>
      <p>{location?.name}<br /><span class="muted">{location?.address}</span></p>
      <ZoneNote zone={catalog.timeZone} />
      {message && <Alert kind="success">{message}</Alert>}
      {error && <Alert>{error}</Alert>}
      <ul class="manage-sessions">
        {booking.sessions.map((s) => (
          <li key={s.number} class="card">
            <div class="manage-session-head">
              <h3>{t('manage.session', { n: s.number })}</h3>
              <span class={`status status-${s.status}`}>{t(`manage.status.${s.status}`)}</span>
            </div>
            <SessionList sessions={[s]} zone={catalog.timeZone} practitionerName={name} />
            {s.status === 'booked' && instant(s.start) > new Date() && (
              <SessionActions session={s} policy={policy} onMove={() => open({ kind: 'move', session: s })}
                onCancel={() => open({ kind: 'cancel', numbers: [s.number] })} />
            )}
            {action?.kind === 'move' && action.session.number === s.number && (
              <Reschedule api={api} settings={settings} bookingId={bookingId} token={token} session={s} busy={busy}
                onMove={(slot) => move(s.number, slot)} onClose={() => setAction(null)} />
            )}
            {action?.kind === 'cancel' && action.numbers.length === 1 && action.numbers[0] === s.number && (
              <Confirm question={t('manage.cancelQuestion', { n: s.number, when: whenLabel(s.start) })} busy={busy}
                onYes={() => cancel(action.numbers)} onNo={() => setAction(null)} />
            )}
          </li>
        ))}
      </ul>
      {upcoming.length === 0 && <p>{t('manage.nothingActive')} <a href={settings.links.book}>{t('manage.bookAgain')}</a></p>}
      {action?.kind === 'cancel' && action.numbers.length > 1 && (
        <Confirm question={t('manage.cancelAllQuestion', { n: action.numbers.length })} busy={busy}
          onYes={() => cancel(action.numbers)} onNo={() => setAction(null)} />
      )}
      <Actions>
        <button type="button" class="secondary" onClick={download}>{t('manage.calendar')}</button>
        {upcoming.length > 1 && upcoming.every((s) => changeable(s, policy.cancellationCutoffHours)) && (
          <button type="button" class="secondary danger" onClick={() => open({ kind: 'cancel', numbers: upcoming.map((s) => s.number) })}>{t('manage.cancelAll')}</button>
        )}
      </Actions>
    </Step>
  );
}

/** Move and cancel, each only before its cut-off; past one, the cut-off is explained instead. */
function SessionActions({ session, policy, onMove, onCancel }) {
  const left = instant(session.start).getTime() - Date.now();
  const canMove = left > policy.rescheduleCutoffHours * 3_600_000;
  const canCancel = left > policy.cancellationCutoffHours * 3_600_000;
  const label = (verb) => `${verb}: ${t('manage.session', { n: session.number })}`;
  const hours = Math.max(...[[canMove, policy.rescheduleCutoffHours], [canCancel, policy.cancellationCutoffHours]].filter(([ok]) => !ok).map(([, h]) => h), 0);
  return (
    <>
      {(canMove || canCancel) && (
        <Actions>
          {canMove && <button type="button" class="secondary" aria-label={label(t('manage.reschedule'))} onClick={onMove}>{t('manage.reschedule')}</button>}
          {canCancel && <button type="button" class="secondary" aria-label={label(t('manage.cancel'))} onClick={onCancel}>{t('manage.cancel')}</button>}
        </Actions>
      )}
      {hours > 0 && <p class="cutoff">{t('manage.cutoff', { hours })}</p>}
    </>
  );
}

function Confirm({ question, busy, onYes, onNo }) {
  return (
    <div class="confirm" role="group" aria-label={question}>
      <p class="emphasis">{question}</p>
      <Actions>
        <button type="button" class="primary danger" disabled={busy} onClick={onYes} autoFocus>{t('manage.cancelConfirm')}</button>
        <button type="button" class="secondary" disabled={busy} onClick={onNo}>{t('manage.keep')}</button>
      </Actions>
    </div>
  );
}

/** New times for one session: only those the server offers inside the spacing window and cut-offs. */
function Reschedule({ api, settings, bookingId, token, session, busy, onMove, onClose }) {
  const [state, setState] = useState({ loading: true });
  const [chosen, setChosen] = useState(null);
  const [day, setDay] = useState(null);
  useEffect(() => {
    api.rescheduleOptions(bookingId, session.number, token)
      .then((r) => setState({ loading: false, options: r }))
      .catch((e) => setState({ loading: false, error: problemMessage(e, t) }));
  }, [session.number]);
  const submit = (e) => {
    e.preventDefault();
    if (chosen) onMove(chosen);
  };
  return (
    <form class="reschedule" onSubmit={submit} aria-labelledby={`move-${session.number}`}>
      <h4 id={`move-${session.number}`}>{t('manage.rescheduleTitle', { n: session.number })}</h4>
      {state.loading && <p class="loading" role="status">{t('common.loading')}</p>}
      {state.error && <Alert>{state.error}</Alert>}
      {state.options && (
        <>
          <p>{state.options.from === state.options.to
            ? t('manage.rescheduleOneDay', { min: settings.catalog.plans.minSpacingWeeks, max: settings.catalog.plans.maxSpacingWeeks, day: dayLabel(state.options.from) })
            : t('manage.rescheduleWindow', { start: dayLabel(state.options.from), end: dayLabel(state.options.to) })}</p>
          {state.options.slots.length === 0
            ? <p class="empty">{t('time.noTimes', { from: dayLabel(state.options.from), to: dayLabel(state.options.to) })}</p>
            : <SlotPicker name={`move-${session.number}-time`} slots={state.options.slots} zone={settings.catalog.timeZone}
                value={chosen ? slotKey(chosen) : null} onChange={setChosen} day={day ?? (chosen && clinicDate(chosen.start))} onDay={setDay} showPractitioner />}
        </>
      )}
      <Actions>
        <button type="submit" class="primary" disabled={!chosen || busy}>{t('manage.rescheduleConfirm')}</button>
        <button type="button" class="secondary" onClick={onClose}>{t('manage.keep')}</button>
      </Actions>
    </form>
  );
}
