import { type FormEvent, useState } from 'react';
import { BrandSettings } from '../../shared/consoleProtocol';
import { change } from '../api';
import { useFormat, useT } from '../i18n/I18n';
import { canChange, useSession } from '../session';
import { ErrorNote } from '../ui/Status';

/** What one case costs the brand's own contact centre, beside the crowd's cost per case. */
export function ContactCentreCost({
  currency,
  costMinor,
  onSaved,
}: {
  currency: string;
  costMinor: number | null;
  onSaved: () => void;
}) {
  const t = useT();
  const f = useFormat();
  const session = useSession();
  const [value, setValue] = useState(costMinor === null ? '' : String(costMinor));
  const [error, setError] = useState<unknown>();
  const save = async (e: FormEvent) => {
    e.preventDefault();
    setError(undefined);
    try {
      const minor = value.trim() === '' ? null : Number(value);
      await change('PUT', '/v1/admin/settings', { contactCentreCostMinor: minor }, BrandSettings);
      onSaved();
    } catch (err) {
      setError(err);
    }
  };
  return (
    <form className="inline-form" onSubmit={save}>
      <p>
        {t('overview.contactCentreCost')}:{' '}
        <strong>{costMinor === null ? t('common.notSet') : f.money(costMinor, currency)}</strong>
      </p>
      {canChange(session) && (
        <>
          <label className="inline">
            {t('overview.contactCentreCostInput', { currency })}{' '}
            <input
              inputMode="numeric"
              pattern="[0-9]*"
              value={value}
              onChange={(e) => setValue(e.target.value)}
            />
          </label>
          <button type="submit">{t('common.save')}</button>
        </>
      )}
      <ErrorNote error={error} />
    </form>
  );
}
