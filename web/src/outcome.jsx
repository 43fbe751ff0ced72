// What the screening decided, in plain words, and the next step it allows.
import { Actions, Step } from './ui.jsx';
import { t } from './text.js';
import { longDayLabel, money } from './time.js';

export function Outcome({ intake, service, consultation, catalog, addOnIds, onAddOns, onBook, onConsultation, onRestart, progress, focus }) {
  if (intake.outcome === 'not-eligible-now') {
    return (
      <Step title={t('outcome.notEligibleTitle')} progress={progress} focus={focus}>
        <p>{t('outcome.notEligibleIntro')}</p>
        <ul class="reasons">{intake.findings.filter((f) => f.effect === 'defer').map((f) => <li key={f.code}>{f.message}</li>)}</ul>
        <p class="emphasis">{intake.askAgainOn ? t('outcome.askAgainOn', { date: longDayLabel(intake.askAgainOn) }) : t('outcome.askAgainLater')}</p>
        <Actions><button type="button" class="secondary" onClick={onRestart}>{t('common.startAgain')}</button></Actions>
      </Step>
    );
  }

  if (intake.outcome === 'consult' && service.kind !== 'consultation') {
    return (
      <Step title={t('outcome.consultTitle')} progress={progress} focus={focus}>
        <p>{t('outcome.consultIntro')}</p>
        <ul class="reasons">{intake.findings.map((f) => <li key={f.code}>{f.message}</li>)}</ul>
        {consultation && <p>{t('outcome.consultNext', { minutes: consultation.durationMinutes })}</p>}
        <Actions>
          {consultation && <button type="button" class="primary" onClick={onConsultation}>{t('outcome.bookConsultation')}</button>}
          <button type="button" class="secondary" onClick={onRestart}>{t('common.startAgain')}</button>
        </Actions>
      </Step>
    );
  }

  if (service.kind === 'consultation' || !intake.plan) {
    return (
      <Step title={t('outcome.eligibleTitle')} progress={progress} focus={focus}>
        <p>{t('outcome.consultationEligible')}</p>
        <Actions><button type="button" class="primary" onClick={onBook}>{t('outcome.chooseTimes')}</button></Actions>
      </Step>
    );
  }

  const plan = intake.plan;
  const currency = plan.total.currency;
  const addOns = catalog.addOns.filter((a) => service.addOnIds.includes(a.id));
  const addOnsPerSession = addOns.filter((a) => addOnIds.includes(a.id)).reduce((sum, a) => sum + a.price.amount, 0);
  const toggle = (id) => onAddOns(addOnIds.includes(id) ? addOnIds.filter((x) => x !== id) : [...addOnIds, id]);
  return (
    <Step title={t('outcome.eligibleTitle')} progress={progress} focus={focus}>
      <div class="card plan">
        <h3>{t('outcome.planTitle')}</h3>
        <p class="plan-headline">{t('outcome.planSessions', { n: plan.sessions, min: plan.minSpacingWeeks, max: plan.maxSpacingWeeks })}</p>
        <p class="muted">{t('outcome.planWhy')}</p>
        <dl class="prices">
          <div><dt>{t('outcome.pricePerSession')}</dt><dd>{money(plan.pricePerSession.amount, currency)}</dd></div>
          <div><dt>{t('outcome.subtotal', { n: plan.sessions })}</dt><dd>{money(plan.subtotal.amount, currency)}</dd></div>
          {plan.seriesDiscountPercent > 0 && (
            <div><dt>{t('outcome.discount', { percent: plan.seriesDiscountPercent })}</dt><dd>−{money(plan.subtotal.amount - plan.total.amount, currency)}</dd></div>
          )}
          {addOnsPerSession > 0 && (
            <div><dt>{t('outcome.addOnsTotal', { n: plan.sessions })}</dt><dd>{money(addOnsPerSession * plan.sessions, currency)}</dd></div>
          )}
          <div class="total"><dt>{t('outcome.total')}</dt><dd>{money(plan.total.amount + addOnsPerSession * plan.sessions, currency)}</dd></div>
        </dl>
        <p class="muted">{t('outcome.maintenance')}</p>
      </div>
      {addOns.length > 0 && (
        <fieldset class="choice">
          <legend>{t('outcome.addOnsLegend')}</legend>
          {addOns.map((a) => (
            <label class="option" key={a.id}>
              <input type="checkbox" name="addOns" value={a.id} checked={addOnIds.includes(a.id)} onChange={() => toggle(a.id)} />
              <span class="option-text"><span class="option-label">{a.name}</span></span>
              <span class="option-aside">{money(a.price.amount, a.price.currency)}</span>
            </label>
          ))}
        </fieldset>
      )}
      <Actions><button type="button" class="primary" onClick={onBook}>{t('outcome.chooseTimes')}</button></Actions>
    </Step>
  );
}
