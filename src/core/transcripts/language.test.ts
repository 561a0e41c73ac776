import { describe, expect, test } from 'vitest';
import { detectEnglish } from './language.ts';

const english = [
  "Thanks for making the time. How are you feeling about the launch now that it's out?",
  "Honestly, relieved. But I think we cut too many corners on the onboarding flow and I'm not proud of it.",
  'What would you do differently if you ran it again?',
  "I'd bring support in earlier and I would push back on the date.",
];

const german = [
  'Danke, dass du dir Zeit nimmst. Wie geht es dir mit dem Launch, jetzt wo er draußen ist?',
  'Ehrlich gesagt bin ich erleichtert. Aber wir haben beim Onboarding zu viele Abkürzungen genommen.',
  'Was würdest du anders machen, wenn du es noch einmal planen könntest?',
  'Ich würde den Support früher einbinden und beim Termin widersprechen.',
];

const spanish = [
  'Gracias por sacar tiempo. ¿Cómo te sientes con el lanzamiento ahora que ya está fuera?',
  'Sinceramente, aliviado. Pero creo que recortamos demasiado en el proceso de bienvenida.',
  '¿Qué harías diferente si tuvieras que hacerlo otra vez?',
  'Hablaría antes con el equipo de soporte y pediría más margen con la fecha.',
];

const french = [
  'Merci de prendre le temps. Comment te sens-tu par rapport au lancement maintenant qu’il est sorti ?',
  'Franchement, soulagé. Mais je pense que nous avons pris trop de raccourcis sur l’accueil des clients.',
  'Que ferais-tu différemment si tu devais le refaire ?',
  'J’impliquerais le support plus tôt et je discuterais la date avec la direction.',
];

describe('detectEnglish', () => {
  test('recognises an English 1:1 with high confidence', () => {
    const result = detectEnglish(english);
    expect(result.isEnglish).toBe(true);
    expect(result.confidence).toBeGreaterThanOrEqual(0.9);
  });

  test.each([
    ['German', german],
    ['Spanish', spanish],
    ['French', french],
  ])('says a %s 1:1 is not English', (_language, texts) => {
    const result = detectEnglish(texts);
    expect(result.isEnglish).toBe(false);
    expect(result.confidence).toBeGreaterThanOrEqual(0.8);
  });

  test('reads curly apostrophes in contractions as English words', () => {
    const result = detectEnglish([
      'I’m not sure it’s the right call, but that’s what we’ve got and I don’t want to lose the week.',
    ]);
    expect(result.isEnglish).toBe(true);
  });

  test('gives too short a text the benefit of the doubt with zero confidence', () => {
    expect(detectEnglish(['Hallo Sam, wie geht es dir?'])).toEqual({ isEnglish: true, confidence: 0 });
  });

  test('answers English with zero confidence for no text at all', () => {
    expect(detectEnglish([])).toEqual({ isEnglish: true, confidence: 0 });
  });

  test('is less sure of a verdict drawn from two sentences than from a whole meeting', () => {
    const short = detectEnglish(english.slice(0, 2));
    const long = detectEnglish([...english, ...english, ...english]);
    expect(short.isEnglish).toBe(true);
    expect(short.confidence).toBeLessThan(long.confidence);
  });

  test('calls a German meeting with a few English business words German', () => {
    const mixed = [
      'Wie läuft das Onboarding? Haben wir die KPIs für das Q3 Review schon fertig?',
      'Noch nicht, das Dashboard ist im Backlog und der Stakeholder will ein Update bis Freitag.',
    ];
    expect(detectEnglish(mixed).isEnglish).toBe(false);
  });
});
