import { useNavigate, useSearchParams } from 'react-router';
import { LoginPage } from '../features/session/components/login-page';

export function LoginRoute() {
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const next = params.get('next');
  const target = next !== null && next.startsWith('/') && !next.startsWith('//') ? next : '/';
  return (
    <LoginPage
      onLoggedIn={() => {
        void navigate(target, { replace: true });
      }}
    />
  );
}
