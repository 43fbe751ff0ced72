// Choosing one session's time: the practitioner, then a day and a time from live availability.
// A later session of a series is offered only inside the spacing window after the one before.
import { useEffect, useState } from 'preact/hooks';
import { problemMessage } from './api.js';
import { Actions, Alert, Choice, SlotPicker, Step, ZoneNote, slotKey } from './ui.jsx';
import { t } from './text.js';
import { addDays, addWeeks, clinicDate, dayLabel, todayIn } from './time.js';

const pageDays = 14;

export function SessionTimes({ api, settings, service, locationId, index, total, previous, chosen, practitioner, onPractitioner, onPick, onContinue, onBack, notice, progress, focus }) {
  const { catalog } = settings;
  const plans = catalog.plans;
  const today = todayIn(catalog.timeZone);
  const last = addDays(today, settings.booking.horizonDays);
  const [page, setPage] = useState(0);
  const range = previous
    ? { from: addWeeks(clinicDate(previous.start), plans.minSpacingWeeks), to: addWeeks(clinicDate(previous.start), plans.maxSpacingWeeks) }
    : { from: addDays(today, page * pageDays), to: addDays(today, page * pageDays + pageDays - 1) };
  const to = range.to > last ? last : range.to;
  const [state, setState] = useState({ loading: true, slots: [], error: null });
  const [day, setDay] = useState(chosen ? clinicDate(chosen.start) : null);

  useEffect(() => {
    let current = true;
    setState((s) => ({ ...s, loading: true, error: null }));
    api.availability({ serviceId: service.id, locationId, practitionerId: practitioner === 'any' ? null : practitioner, from: range.from, to })
      .then((r) => current && setState({ loading: false, slots: r.slots, error: null }))
      .catch((e) => current && setState({ loading: false, slots: [], error: problemMessage(e, t) }));
    return () => { current = false; };
  }, [service.id, locationId, practitioner, range.from, to, notice]);

  const practitioners = catalog.practitioners.filter((p) => p.serviceIds.includes(service.id) && p.locationIds.includes(locationId));
  const title = total > 1 ? t('times.titleSeries', { n: index + 1, total }) : t('times.titleOne');
  const chosenKey = chosen ? slotKey(chosen) : null;
  const offered = chosen && state.slots.some((s) => slotKey(s) === chosenKey);
  const submit = (e) => {
    e.preventDefault();
    if (offered) onContinue();
  };

  return (
    <Step title={title} progress={progress} focus={focus}>
      {notice && <Alert>{notice}</Alert>}
      {previous && (
        <p>{t('times.window', { n: index + 1, prev: index, min: plans.minSpacingWeeks, max: plans.maxSpacingWeeks, start: dayLabel(range.from), end: dayLabel(range.to) })}</p>
      )}
      <ZoneNote zone={catalog.timeZone} />
      <form onSubmit={submit}>
        {index === 0 && practitioners.length > 1 && (
          <Choice name="practitioner" legend={t('times.practitionerLegend')} value={practitioner} onChange={onPractitioner} required={false}
            options={[{ value: 'any', label: t('times.anyPractitioner') }, ...practitioners.map((p) => ({ value: p.id, label: p.name }))]} />
        )}
        {state.loading && <p class="loading" role="status">{t('common.loading')}</p>}
        {state.error && <Alert>{state.error}</Alert>}
        {!state.loading && !state.error && state.slots.length === 0 && (
          <p class="empty">{t('time.noTimes', { from: dayLabel(range.from), to: dayLabel(to) })}</p>
        )}
        {!state.loading && state.slots.length > 0 && (
          <SlotPicker name={`session-${index + 1}`} slots={state.slots} zone={catalog.timeZone} value={offered ? chosenKey : null}
            onChange={onPick} day={day} onDay={setDay} showPractitioner={practitioner === 'any'} />
        )}
        {!previous && (
          <div class="paging">
            <button type="button" class="link" disabled={page === 0} onClick={() => setPage(page - 1)}>{t('time.earlier')}</button>
            <button type="button" class="link" disabled={to >= last} onClick={() => setPage(page + 1)}>{t('time.later')}</button>
          </div>
        )}
        <Actions>
          <button type="submit" class="primary" disabled={!offered}>{t('common.continue')}</button>
          <button type="button" class="secondary" onClick={onBack}>{t('common.back')}</button>
        </Actions>
      </form>
    </Step>
  );
}
