// A secret input: masked by default, with Reveal and Regenerate. Settings views carry a set
// secret as a placeholder; Reveal asks the engine for the value (revealSecret) the first time.
// Regenerating saves at once (the engine creates the random value; it never travels from the
// renderer).
import { useState } from 'react';
import { MASKED_SECRET } from '../../../shared/model';

export function SecretField(props: {
  id: string;
  value: string;
  disabled: boolean;
  onChange: (v: string) => void;
  onRegenerate: () => void;
  /** Fetches the value when the field still holds the placeholder. */
  onReveal: () => Promise<void>;
}) {
  const [revealed, setRevealed] = useState(false);
  return (
    <div className="secret-field">
      <input
        id={props.id}
        className="input mono"
        type={revealed ? 'text' : 'password'}
        autoComplete="off"
        spellCheck={false}
        value={props.value}
        disabled={props.disabled}
        aria-describedby={`help-${props.id}`}
        onChange={(e) => props.onChange(e.target.value)}
        data-testid={`field-${props.id}`}
      />
      <button
        type="button"
        className="btn btn-small"
        aria-pressed={revealed}
        onClick={() => {
          if (!revealed && props.value === MASKED_SECRET)
            void props.onReveal().then(() => setRevealed(true));
          else setRevealed(!revealed);
        }}
        data-testid={`reveal-${props.id}`}
      >
        {revealed ? 'Hide' : 'Reveal'}
      </button>
      <button
        type="button"
        className="btn btn-small"
        disabled={props.disabled}
        onClick={props.onRegenerate}
        data-testid={`regenerate-${props.id}`}
      >
        Regenerate
      </button>
    </div>
  );
}
