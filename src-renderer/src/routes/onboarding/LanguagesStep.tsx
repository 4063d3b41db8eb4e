import { useTranslation } from 'react-i18next';
import type { LanguageCode } from '../../../../src-shared/domain/languages';
import { LanguageSelect } from '../../components/LanguageSelect';
import type { Problem } from '../../lib/profile-draft';

interface Props {
  nativeLanguage: LanguageCode;
  targetLanguage: LanguageCode;
  onChange: (languages: { nativeLanguage?: LanguageCode; targetLanguage?: LanguageCode }) => void;
  problem: Problem | null;
}

export function LanguagesStep({ nativeLanguage, targetLanguage, onChange, problem }: Props) {
  const { t } = useTranslation();
  return (
    <div className="stack two-columns">
      <LanguageSelect
        label={t('profileForm.nativeLanguage')}
        value={nativeLanguage}
        onChange={(language) => onChange({ nativeLanguage: language })}
      />
      <LanguageSelect
        label={t('profileForm.targetLanguage')}
        value={targetLanguage}
        onChange={(language) => onChange({ targetLanguage: language })}
        error={problem && t(`validation.${problem}`)}
      />
    </div>
  );
}
