// Small building blocks shared by the booking and manage journeys: native controls, labelled.
import { useEffect, useRef } from 'preact/hooks';
import { t } from './text.js';
import { clinicDate, clinicTime, dayLabel, patientTime, shortDayLabel, zoneCity } from './time.js';

/** A step of a journey. Its heading takes the focus when the step is shown after another. */
export function Step({ title, progress, focus, children }) {
  const heading = useRef(null);
  useEffect(() => {
    if (focus) heading.current?.focus();
  }, [title, focus]);
  return (
    <section class="step" aria-labelledby="step-title">
      {progress && <p class="progress">{progress}</p>}
      <h2 id="step-title" tabIndex={-1} ref={heading}>{title}</h2>
      {children}
    </section>
  );
}

/** A group of radio buttons shown as cards; value is the chosen option's value. */
export function Choice({ name, legend, options, value, onChange, required = true, hideLegend = false, layout }) {
  return (
    <fieldset class={layout ? `choice ${layout}` : 'choice'}>
      <legend class={hideLegend ? 'visually-hidden' : undefined}>{legend}</legend>
      {options.map((o) => (
        <label class="option" key={o.value}>
          <input type="radio" name={name} value={o.value} checked={value === o.value} required={required}
            onChange={() => onChange(o.value)} />
          <span class="option-text">
            <span class="option-label">{o.label}</span>
            {o.hint && <span class="option-hint">{o.hint}</span>}
          </span>
          {o.aside && <span class="option-aside">{o.aside}</span>}
        </label>
      ))}
    </fieldset>
  );
}

/** A yes/no question; null until answered. */
export function YesNo({ name, legend, value, onChange }) {
  return (
    <fieldset class="yes-no">
      <legend>{legend}</legend>
      <div class="yes-no-options">
        {[[true, t('common.yes')], [false, t('common.no')]].map(([v, label]) => (
          <label class="pill" key={label}>
            <input type="radio" name={name} value={String(v)} checked={value === v} required onChange={() => onChange(v)} />
            <span>{label}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}

export function Alert({ kind = 'error', children }) {
  return <div class={`alert alert-${kind}`} role={kind === 'error' ? 'alert' : 'status'}>{children}</div>;
}

export function Actions({ children }) {
  return <div class="actions">{children}</div>;
}

/** The zone the times are in, and the patient's own where it differs. */
export function ZoneNote({ zone }) {
  const mine = Intl.DateTimeFormat().resolvedOptions().timeZone;
  return (
    <p class="zone-note">
      {t('time.shownIn', { zone: zoneCity(zone), id: zone })}
      {mine && mine !== zone && <> {t('time.alsoYours', { zone: zoneCity(mine) })}</>}
    </p>
  );
}

/**
 * Free times as two radio groups: the day, then the time on that day. Slots are the API's
 * ({ start, end, practitionerId, practitionerName }); value is the chosen slot's key.
 */
export function SlotPicker({ name, slots, zone, value, onChange, day, onDay, showPractitioner }) {
  const days = [...new Set(slots.map((s) => clinicDate(s.start)))];
  const chosenDay = days.includes(day) ? day : days[0];
  const onThatDay = slots.filter((s) => clinicDate(s.start) === chosenDay);
  return (
    <div class="slots">
      <Choice name={`${name}-day`} legend={t('time.chooseDay')} value={chosenDay} onChange={onDay} required={false} layout="days"
        options={days.map((d) => {
          const n = slots.filter((s) => clinicDate(s.start) === d).length;
          const [weekday, ...date] = shortDayLabel(d).replace(',', '').split(' ');
          return { value: d, label: <><span class="day-name">{weekday}</span> {date.join(' ')}</>, aside: n === 1 ? t('time.oneTime') : t('time.times', { n }) };
        })} />
      {chosenDay && (
        <fieldset class="choice times">
          <legend>{t('time.timesOn', { day: dayLabel(chosenDay) })}</legend>
          <div class="time-grid">
            {onThatDay.map((s) => {
              const key = slotKey(s);
              const theirs = patientTime(s.start, zone);
              return (
                <label class="time" key={key}>
                  <input type="radio" name={name} value={key} checked={value === key} required onChange={() => onChange(s)} />
                  <span class="time-text">
                    <span class="time-clinic">{clinicTime(s.start)}</span>
                    {theirs && <span class="time-yours">{t('time.yourTime', { time: theirs })}</span>}
                    {showPractitioner && <span class="time-who">{s.practitionerName}</span>}
                  </span>
                </label>
              );
            })}
          </div>
        </fieldset>
      )}
    </div>
  );
}

export const slotKey = (slot) => `${slot.practitionerId}@${slot.start}`;
