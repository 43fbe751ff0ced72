// The booking journey: service and place, screening, outcome and plan, times, details, confirm.
import { useRef, useState } from 'preact/hooks';
import { problemMessage } from './api.js';
import { IntakeForm, emptyAnswers, intakeRequest } from './intake-form.jsx';
import { Outcome } from './outcome.jsx';
import { SessionTimes } from './session-times.jsx';
import { Details, Done, Review } from './booking-review.jsx';
import { Actions, Alert, Choice, Step } from './ui.jsx';
import { t } from './text.js';
import { money } from './time.js';

const steps = ['service', 'intake', 'outcome', 'times', 'details', 'review'];

export function BookingApp({ api, settings, preset }) {
  const { catalog } = settings;
  const [step, setStep] = useState('service');
  const [moved, setMoved] = useState(false);
  const [choice, setChoice] = useState({
    serviceId: catalog.services.some((s) => s.id === preset.service) ? preset.service : null,
    locationId: catalog.locations.some((l) => l.id === preset.location) ? preset.location : catalog.locations.length === 1 ? catalog.locations[0].id : null,
  });
  const [answers, setAnswers] = useState(emptyAnswers);
  const [intake, setIntake] = useState(null);
  const [serviceId, setServiceId] = useState(null);
  const [addOnIds, setAddOnIds] = useState([]);
  const [practitioner, setPractitioner] = useState('any');
  const [slots, setSlots] = useState([]);
  const [index, setIndex] = useState(0);
  const [patient, setPatient] = useState({ name: '', email: '' });
  const [notice, setNotice] = useState(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState(null);
  const [booking, setBooking] = useState(null);
  const attempt = useRef({ body: null, key: null });

  const go = (next) => {
    setError(null);
    setMoved(true);
    setStep(next);
  };
  const service = catalog.services.find((s) => s.id === (serviceId ?? choice.serviceId));
  const location = catalog.locations.find((l) => l.id === choice.locationId);
  const consultation = catalog.services.find((s) => s.kind === 'consultation');
  const sessionCount = service?.kind === 'microneedling' && intake?.plan ? intake.plan.sessions : 1;
  const progress = t('common.step', { n: steps.indexOf(step) + 1, total: steps.length });

  const restart = () => {
    setAnswers(emptyAnswers);
    setIntake(null);
    setServiceId(null);
    setSlots([]);
    setIndex(0);
    go('service');
  };

  const submitIntake = async () => {
    setBusy(true);
    setError(null);
    try {
      setIntake(await api.intake(intakeRequest(answers)));
      setServiceId(null);
      go('outcome');
    } catch (e) {
      setError(problemMessage(e, t));
    } finally {
      setBusy(false);
    }
  };

  const startTimes = (id) => {
    setServiceId(id);
    setSlots([]);
    setIndex(0);
    go('times');
  };

  const pick = (slot) => setSlots([...slots.slice(0, index), slot]);

  const confirm = async () => {
    const body = {
      intakeId: intake.intakeId, serviceId: service.id, locationId: location.id, addOnIds: service.kind === 'microneedling' ? addOnIds : [],
      patient: { name: patient.name.trim(), email: patient.email.trim() },
      sessions: slots.map((s) => ({ practitionerId: s.practitionerId, start: s.start })),
    };
    const text = JSON.stringify(body);
    if (attempt.current.body !== text) attempt.current = { body: text, key: crypto.randomUUID() };
    setBusy(true);
    setError(null);
    try {
      setBooking(await api.book(body, attempt.current.key));
      go('done');
    } catch (e) {
      if (e.type === 'slot-taken') {
        const n = e.problem.sessionNumber ?? 1;
        setNotice(t('times.taken', { n }));
        setSlots(slots.slice(0, n - 1));
        setIndex(n - 1);
        go('times');
      } else {
        setError(problemMessage(e, t));
      }
    } finally {
      setBusy(false);
    }
  };

  if (step === 'done') return <Done api={api} settings={settings} booking={booking} focus={moved} />;
  if (step === 'intake') {
    return <IntakeForm answers={answers} onChange={setAnswers} onSubmit={submitIntake} onBack={() => go('service')} busy={busy}
      error={error && <Alert>{error}</Alert>} progress={progress} focus={moved} />;
  }
  if (step === 'outcome') {
    return <Outcome intake={intake} service={service} consultation={consultation} catalog={catalog} addOnIds={addOnIds} onAddOns={setAddOnIds}
      onBook={() => startTimes(service.id)} onConsultation={() => startTimes(consultation.id)} onRestart={restart} progress={progress} focus={moved} />;
  }
  if (step === 'times') {
    return <SessionTimes key={`${service.id}-${index}`} api={api} settings={settings} service={service} locationId={location.id} index={index} total={sessionCount}
      previous={index > 0 ? slots[index - 1] : null} chosen={slots[index]} practitioner={practitioner}
      onPractitioner={setPractitioner} onPick={pick} notice={notice} progress={progress} focus={moved}
      onContinue={() => {
        setNotice(null);
        if (index + 1 < sessionCount) {
          setIndex(index + 1);
          setMoved(true);
        } else {
          go('details');
        }
      }}
      onBack={() => (index > 0 ? (setIndex(index - 1), setMoved(true)) : go('outcome'))} />;
  }
  if (step === 'details') {
    return <Details patient={patient} onChange={setPatient} onContinue={() => go('review')} onBack={() => { setIndex(sessionCount - 1); go('times'); }} progress={progress} focus={moved} />;
  }
  if (step === 'review') {
    return <Review settings={settings} service={service} location={location} sessions={slots} addOnIds={addOnIds} intake={intake} patient={patient}
      onConfirm={confirm} busy={busy} error={error} onBack={() => go('details')} progress={progress} focus={moved} />;
  }

  const submit = (e) => {
    e.preventDefault();
    if (choice.serviceId && choice.locationId) go('intake');
  };
  return (
    <Step title={t('service.title')} progress={progress} focus={moved}>
      <form onSubmit={submit}>
        <Choice name="service" legend={t('service.treatmentLegend')} value={choice.serviceId} onChange={(v) => setChoice({ ...choice, serviceId: v })}
          options={catalog.services.map((s) => ({
            value: s.id, label: s.name,
            hint: `${t('common.minutes', { n: s.durationMinutes })} · ${t(s.kind === 'consultation' ? 'service.consultationNote' : 'service.treatmentNote')}`,
            aside: s.price.amount === 0 ? t('common.free') : money(s.price.amount, s.price.currency),
          }))} />
        <Choice name="location" legend={t('service.locationLegend')} value={choice.locationId} onChange={(v) => setChoice({ ...choice, locationId: v })}
          options={catalog.locations.map((l) => ({ value: l.id, label: l.name, hint: l.address }))} />
        <Actions><button type="submit" class="primary">{t('common.continue')}</button></Actions>
      </form>
    </Step>
  );
}
