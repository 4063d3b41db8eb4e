import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { SecretName } from '../../../../src-shared/contract/secrets';
import { useContractMutation } from '../../hooks/useContractMutation';
import { useDescribeError } from '../../hooks/useDescribeError';
import { useToast } from '../../hooks/useToast';

/** Translation keys cannot hold the dots in secret names. */
const labelKeys = {
  'llm.apiKey': 'llmApiKey',
  'llm.fallbackApiKey': 'llmFallbackApiKey',
  'speech.apiKey': 'speechApiKey',
  'speech.ttsApiKey': 'speechTtsApiKey',
  'livekit.apiSecret': 'livekitApiSecret',
  'sync.password': 'syncPassword',
} as const satisfies Record<SecretName, string>;

export function SecretRow({ name, isSet }: { name: SecretName; isSet: boolean }) {
  const { t } = useTranslation();
  const toast = useToast();
  const describe = useDescribeError();
  const id = useId();
  const [value, setValue] = useState('');
  const store = useContractMutation('secrets:set');
  const clear = useContractMutation('secrets:clear');
  const label = t(`settings.secrets.names.${labelKeys[name]}`);
  const busy = store.isPending || clear.isPending;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!value) return;
    store.mutate(
      { name, value },
      {
        onSuccess: () => {
          setValue('');
          toast.show(t('settings.secrets.saved', { name: label }));
        },
        onError: (error) => toast.show(describe(error), 'error'),
      },
    );
  };

  return (
    <li className="secret-row">
      <form onSubmit={submit} noValidate className="secret-form">
        <div className="secret-head">
          <label htmlFor={id} className="field-label">
            {label}
          </label>
          <span className={isSet ? 'status-pill status-on' : 'status-pill'}>
            {isSet ? t('settings.secrets.isSet') : t('settings.secrets.notSet')}
          </span>
        </div>
        <div className="inline-form">
          <input
            id={id}
            className="input"
            type="password"
            autoComplete="off"
            spellCheck={false}
            placeholder={isSet ? t('settings.secrets.replacePlaceholder') : t('settings.secrets.placeholder')}
            value={value}
            onChange={(event) => setValue(event.target.value)}
          />
          <button
            type="submit"
            className="button"
            disabled={busy || !value}
            aria-label={t('settings.secrets.saveNamed', { name: label })}
          >
            {t('common.save')}
          </button>
          {isSet && (
            <button
              type="button"
              className="button button-ghost"
              disabled={busy}
              aria-label={t('settings.secrets.clearNamed', { name: label })}
              onClick={() =>
                clear.mutate(
                  { name },
                  {
                    onSuccess: () => toast.show(t('settings.secrets.cleared', { name: label })),
                    onError: (error) => toast.show(describe(error), 'error'),
                  },
                )
              }
            >
              {t('settings.secrets.clear')}
            </button>
          )}
        </div>
      </form>
    </li>
  );
}
