// Creating a wallet: length and word list → the new phrase with its warnings → proof that the user wrote
// it down → a password → home. The phrase lives only in this component's state: leaving the flow
// unmounts it and drops the phrase (JS strings cannot be wiped, only let go of).
import { useState } from 'preact/hooks';
import type { WordlistName } from '../../../protocol/private';
import { useApp } from '../../app-context';
import { call } from '../../client';
import { pickConfirmQuestions, type ConfirmQuestion } from '../../lib/confirm-words';
import { ConfirmPhraseStep } from './confirm-phrase';
import { CreateOptionsStep } from './create-options';
import { CreatePasswordStep } from './create-password';
import { ShowPhraseStep } from './show-phrase';

type Step = 'options' | 'phrase' | 'confirm' | 'password';

export function CreateScreen() {
  const app = useApp();
  const [step, setStep] = useState<Step>('options');
  const [strength, setStrength] = useState<128 | 256>(128);
  const [wordlist, setWordlist] = useState<WordlistName>('english');
  const [phrase, setPhrase] = useState('');
  const [questions, setQuestions] = useState<ConfirmQuestion[]>([]);
  const words = phrase === '' ? [] : phrase.split(/[\s\u3000]+/u);

  switch (step) {
    case 'options':
      return (
        <CreateOptionsStep
          strength={strength}
          wordlist={wordlist}
          onStrength={setStrength}
          onWordlist={setWordlist}
          onBack={() => { app.go({ name: 'welcome' }); }}
          onContinue={async () => {
            const result = await call('mnemonic.generate', { strength, wordlist });
            setPhrase(result.phrase);
            setStep('phrase');
          }}
        />
      );
    case 'phrase':
      return (
        <ShowPhraseStep
          words={words}
          onBack={() => { setPhrase(''); setStep('options'); }}
          onContinue={() => { setQuestions(pickConfirmQuestions(words)); setStep('confirm'); }}
        />
      );
    case 'confirm':
      return (
        <ConfirmPhraseStep
          questions={questions}
          onRetry={() => { setQuestions(pickConfirmQuestions(words)); }}
          onBack={() => { setStep('phrase'); }}
          onConfirmed={() => { setStep('password'); }}
        />
      );
    case 'password':
      return (
        <CreatePasswordStep
          onBack={() => { setStep('phrase'); }}
          onCreate={async (password) => {
            const view = await call('wallet.create', { phrase, wordlist, password });
            setPhrase('');
            app.show(view);
          }}
        />
      );
  }
}
