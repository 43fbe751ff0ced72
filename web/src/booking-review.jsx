// The last steps of booking: the patient's details, the summary to confirm, and the result.
import { useState } from 'preact/hooks';
import { saveFile, problemMessage } from './api.js';
import { Actions, Alert, Step } from './ui.jsx';
import { t } from './text.js';
import { clinicTime, dayLabel, clinicDate, money, patientTime } from './time.js';

export function Details({ patient, onChange, onContinue, onBack, progress, focus }) {
  const submit = (e) => {
    e.preventDefault();
    onContinue();
  };
  return (
    <Step title={t('details.title')} progress={progress} focus={focus}>
      <form onSubmit={submit}>
        <div class="field">
          <label for="patient-name">{t('details.name')}</label>
          <input id="patient-name" name="name" autocomplete="name" required maxLength={100} value={patient.name}
            onInput={(e) => onChange({ ...patient, name: e.currentTarget.value })} />
        </div>
        <div class="field">
          <label for="patient-email">{t('details.email')}</label>
          <input id="patient-email" name="email" type="email" autocomplete="email" required maxLength={254} aria-describedby="email-hint"
            value={patient.email} onInput={(e) => onChange({ ...patient, email: e.currentTarget.value })} />
          <p id="email-hint" class="hint">{t('details.emailHint')}</p>
        </div>
        <Actions>
          <button type="submit" class="primary">{t('common.continue')}</button>
          <button type="button" class="secondary" onClick={onBack}>{t('common.back')}</button>
        </Actions>
      </form>
    </Step>
  );
}

/** The sessions of a booking, as a list of when, where the patient's zone differs too, and with whom. */
export function SessionList({ sessions, zone, practitionerName, status }) {
  return (
    <ol class="sessions">
      {sessions.map((s, i) => {
        const theirs = patientTime(s.start, zone);
        return (
          <li key={i} class={s.status === 'cancelled' ? 'cancelled' : undefined}>
            <span class="session-when">{dayLabel(clinicDate(s.start))}, {clinicTime(s.start)}</span>
            {theirs && <span class="session-yours">{t('time.yourTime', { time: theirs })}</span>}
            <span class="session-who">{t('time.with', { name: practitionerName(s.practitionerId) })}</span>
            {status && status(s)}
          </li>
        );
      })}
    </ol>
  );
}

export function Review({ settings, service, location, sessions, addOnIds, intake, patient, onConfirm, busy, error, onBack, progress, focus }) {
  const { catalog } = settings;
  const name = (id) => catalog.practitioners.find((p) => p.id === id)?.name ?? id;
  const addOns = catalog.addOns.filter((a) => addOnIds.includes(a.id));
  const n = sessions.length;
  const base = service.kind === 'microneedling' && intake.plan ? intake.plan.total.amount : service.price.amount * n;
  const total = base + addOns.reduce((sum, a) => sum + a.price.amount, 0) * n;
  const submit = (e) => {
    e.preventDefault();
    onConfirm();
  };
  return (
    <Step title={t('review.title')} progress={progress} focus={focus}>
      <form onSubmit={submit}>
        <dl class="summary">
          <div><dt>{t('review.treatment')}</dt><dd>{service.name}</dd></div>
          <div><dt>{t('review.location')}</dt><dd>{location.name}<br /><span class="muted">{location.address}</span></dd></div>
          <div><dt>{t('review.sessions')}</dt><dd><SessionList sessions={sessions} zone={catalog.timeZone} practitionerName={name} /></dd></div>
          <div><dt>{t('review.addOns')}</dt><dd>{addOns.length ? addOns.map((a) => a.name).join(', ') : t('review.none')}</dd></div>
          <div><dt>{t('review.price')}</dt><dd>{total === 0 ? t('common.free') : <>{money(total, catalog.currency)}<br /><span class="muted">{t('review.payment')}</span></>}</dd></div>
          <div><dt>{t('review.patient')}</dt><dd>{patient.name}<br /><span class="muted">{patient.email}</span></dd></div>
        </dl>
        <p class="zone-note">{t('time.shownIn', { zone: catalog.timeZone.split('/').pop().replace(/_/g, ' '), id: catalog.timeZone })}</p>
        {error && <Alert>{error}</Alert>}
        <Actions>
          <button type="submit" class="primary" disabled={busy}>{busy ? t('review.confirming') : t('review.confirm')}</button>
          <button type="button" class="secondary" onClick={onBack} disabled={busy}>{t('common.back')}</button>
        </Actions>
      </form>
    </Step>
  );
}

export function Done({ api, settings, booking, focus }) {
  const { catalog } = settings;
  const name = (id) => catalog.practitioners.find((p) => p.id === id)?.name ?? id;
  const manageUrl = `${settings.links.manage.replace('{bookingId}', encodeURIComponent(booking.bookingId))}#token=${encodeURIComponent(booking.manageToken)}`;
  const [error, setError] = useState(null);
  const download = async () => {
    setError(null);
    try {
      saveFile(await api.calendar(booking.bookingId, booking.manageToken), `appointment-${booking.bookingId}.ics`);
    } catch (e) {
      setError(problemMessage(e, t));
    }
  };
  return (
    <Step title={t('done.title')} focus={focus}>
      <p>{t('done.emailed', { email: booking.patient.email })}</p>
      <SessionList sessions={booking.sessions} zone={catalog.timeZone} practitionerName={name} />
      {error && <Alert>{error}</Alert>}
      <Actions>
        <button type="button" class="primary" onClick={download}>{t('done.calendar')}</button>
        <a class="button secondary" href={manageUrl} target="_top">{t('done.manage')}</a>
      </Actions>
      <p class="hint">{t('done.manageHint')}</p>
    </Step>
  );
}
