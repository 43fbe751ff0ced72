// The screening questions of the clinic's intake, as the API asks them (POST /api/intakes).
import { Actions, Choice, Step, YesNo } from './ui.jsx';
import { t, text } from './text.js';

const yesNo = ['activeBreakout', 'rosacea', 'eczema', 'irritatedSunburntOrInflamedSkin', 'pregnant'];
const consultQuestions = ['scarsEasily', 'otherSkinConditionInArea'];

export const emptyAnswers = {
  activeBreakout: null, rosacea: null, eczema: null, irritatedSunburntOrInflamedSkin: null, pregnant: null, pregnancyDueDate: '',
  radiationTreatment: null, radiationEndedOn: '', scarsEasily: null, otherSkinConditionInArea: null, scarTypes: [], severity: null,
  fitzpatrickType: null,
};

/** The request body: optional dates only where they mean something. */
export function intakeRequest(a) {
  const body = { ...a };
  delete body.pregnancyDueDate;
  delete body.radiationEndedOn;
  if (a.pregnant && a.pregnancyDueDate) body.pregnancyDueDate = a.pregnancyDueDate;
  if (a.radiationTreatment === 'ended' && a.radiationEndedOn) body.radiationEndedOn = a.radiationEndedOn;
  return body;
}

export function IntakeForm({ answers, onChange, onSubmit, onBack, busy, error, progress, focus }) {
  const set = (key) => (value) => onChange({ ...answers, [key]: value });
  const toggleScar = (type) => onChange({
    ...answers,
    scarTypes: answers.scarTypes.includes(type) ? answers.scarTypes.filter((x) => x !== type) : [...answers.scarTypes, type],
  });
  const submit = (e) => {
    e.preventDefault();
    onSubmit();
  };
  return (
    <Step title={t('intake.title')} progress={progress} focus={focus}>
      <p>{t('intake.intro')}</p>
      <form onSubmit={submit}>
        {yesNo.map((key) => <YesNo key={key} name={key} legend={t(`intake.${key}`)} value={answers[key]} onChange={set(key)} />)}
        {answers.pregnant && (
          <div class="field">
            <label for="pregnancyDueDate">{t('intake.pregnancyDueDate')}</label>
            <input id="pregnancyDueDate" type="date" value={answers.pregnancyDueDate} onInput={(e) => set('pregnancyDueDate')(e.currentTarget.value)} />
          </div>
        )}
        <Choice name="radiationTreatment" legend={t('intake.radiationLegend')} value={answers.radiationTreatment} onChange={set('radiationTreatment')}
          options={['none', 'current', 'ended'].map((v) => ({ value: v, label: text.intake.radiation[v] }))} />
        {answers.radiationTreatment === 'ended' && (
          <div class="field">
            <label for="radiationEndedOn">{t('intake.radiationEndedOn')}</label>
            <input id="radiationEndedOn" type="date" value={answers.radiationEndedOn} onInput={(e) => set('radiationEndedOn')(e.currentTarget.value)} />
          </div>
        )}
        {consultQuestions.map((key) => <YesNo key={key} name={key} legend={t(`intake.${key}`)} value={answers[key]} onChange={set(key)} />)}
        <fieldset class="choice">
          <legend>{t('intake.scarTypesLegend')}</legend>
          {Object.entries(text.intake.scarTypes).map(([type, label]) => (
            <label class="option" key={type}>
              <input type="checkbox" name="scarTypes" value={type} checked={answers.scarTypes.includes(type)} onChange={() => toggleScar(type)} />
              <span class="option-text"><span class="option-label">{label}</span></span>
            </label>
          ))}
        </fieldset>
        <Choice name="severity" legend={t('intake.severityLegend')} value={answers.severity} onChange={set('severity')}
          options={Object.entries(text.intake.severity).map(([v, label]) => ({ value: v, label }))} />
        <Choice name="fitzpatrickType" legend={t('intake.fitzpatrickLegend')} value={answers.fitzpatrickType} onChange={set('fitzpatrickType')}
          options={text.intake.fitzpatrick.map((label, i) => ({ value: i + 1, label }))} />
        {error}
        <Actions>
          <button type="submit" class="primary" disabled={busy}>{t('intake.submit')}</button>
          <button type="button" class="secondary" onClick={onBack}>{t('common.back')}</button>
        </Actions>
      </form>
    </Step>
  );
}
