import { useTranslation } from 'react-i18next';
import type { Role } from '../../../contract/auth';
import { PageFrame } from './PageFrame';
import { useAuth } from './store';

/** In place of a page the user's role does not reach: which role it needs, which they have, whom to ask. */
export function RoleRequired({ required }: { required: Role }) {
  const { t } = useTranslation('auth');
  const { user } = useAuth();
  return (
    <PageFrame title={t('forbidden.title')} testId="role-required">
      <p className="auth-alert" data-testid="role-required-text">
        {t('forbidden.body', { required: t(`role.${required}`), name: user?.displayName ?? '', role: user ? t(`role.${user.role}`) : '' })}
      </p>
      <p className="muted">{t('forbidden.ask')}</p>
    </PageFrame>
  );
}
