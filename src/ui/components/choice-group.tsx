// A group of radio buttons with a visible legend, drawn as a segmented control.
import { useId } from 'preact/hooks';

export interface Choice<T extends string | number> {
  value: T;
  label: string;
}

interface ChoiceGroupProps<T extends string | number> {
  legend: string;
  choices: readonly Choice<T>[];
  /** Undefined when no radio is checked (another control holds the value). */
  value: T | undefined;
  onChange: (value: T) => void;
  hint?: string | undefined;
}

export function ChoiceGroup<T extends string | number>({ legend, choices, value, onChange, hint }: ChoiceGroupProps<T>) {
  const id = useId();
  return (
    <fieldset class="choices" aria-describedby={hint === undefined ? undefined : `${id}-hint`}>
      <legend>{legend}</legend>
      <div class="segmented">
        {choices.map((choice) => (
          <label key={choice.value} class="segment">
            <input
              type="radio"
              name={id}
              value={String(choice.value)}
              checked={choice.value === value}
              onChange={() => { onChange(choice.value); }}
            />
            <span>{choice.label}</span>
          </label>
        ))}
      </div>
      {hint !== undefined && <p id={`${id}-hint`} class="hint">{hint}</p>}
    </fieldset>
  );
}
