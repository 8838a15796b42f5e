// In-place sign-in: the session ends under an open wizard; the page asks to sign in again over
// the wizard, which keeps its input, and the user carries on. Network mocked at fetch, in both
// languages (labels taken from the dictionaries).
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { wizardWords, type WizardKey } from '../../../components/wizard/messages';
import type { Language } from '../../../lib/i18n';
import { en as main, type Messages } from '../../../lib/messages-en';
import { zhCN } from '../../../lib/messages-zh-cn';
import { seriousViolations } from '../../../test/axe';
import { FakeEventSource } from '../../../test/fake-event-source';
import { mockFetch, type MockRoute, type RecordedRequest } from '../../../test/fetch-mock';
import {
  baseRoutes,
  detailOf,
  gatewayStandard,
  operation,
  sessionOf,
} from '../../../test/fixtures';
import { renderApp } from '../../../test/render';

const base = '/regions/cn-hangzhou/gateways/vpn-std001';
const servers = '/api/v1/regions/cn-hangzhou/ssl-vpn-servers';
const demoAccounts = {
  accounts: [
    { username: 'operator', password: 'op-pass-123456', role: 'operator' },
    { username: 'viewer', password: 'view-pass-123456', role: 'viewer' },
  ],
};
const unauthorized = { status: 401, body: { error: { code: 'Unauthorized', httpStatus: 401 } } };
const escape = (s: string) => new RegExp(s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));

const isCreate = (c: RecordedRequest) =>
  c.method === 'POST' && c.path === servers && c.query.get('dryRun') === null;

/** The gateway without an SSL-VPN server, so its create wizard may start (issue 17's facts). */
const withoutSslServer: MockRoute = {
  method: 'GET',
  path: '/api/v1/regions/cn-hangzhou/vpn-gateways/vpn-std001',
  respond: () => ({ status: 200, body: { ...detailOf(gatewayStandard), sslVpnServers: [] } }),
};

/** Sign-in answers: 401 for a wrong password, otherwise the account's session. */
const signInRoute = (): MockRoute => ({
  method: 'POST',
  path: '/api/v1/session',
  respond: (req) => {
    const account = demoAccounts.accounts.find(
      (a) =>
        typeof req.body === 'object' &&
        req.body !== null &&
        'username' in req.body &&
        'password' in req.body &&
        a.username === req.body.username &&
        a.password === req.body.password,
    );
    return account === undefined
      ? unauthorized
      : { status: 201, body: sessionOf(account.role === 'viewer' ? 'viewer' : 'operator') };
  },
});

/** The main dictionary with the wizard's own words (the wizard shows both). */
type Dictionary = Messages & Record<WizardKey, string>;

const fillBasics = async (m: Dictionary, user: ReturnType<typeof userEvent.setup>) => {
  await user.type(
    screen.getByRole('textbox', { name: escape(m['field.clientIpPool']) }),
    '10.20.0.0/16',
  );
  await user.type(
    screen.getByRole('textbox', { name: `${m['field.localSubnet']} 1` }),
    '192.168.0.0/16',
  );
  await user.type(screen.getByRole('textbox', { name: m['field.name'] }), 'staff');
};

const expectBasicsKept = (m: Dictionary) => {
  expect(screen.getByRole('textbox', { name: escape(m['field.clientIpPool']) })).toHaveValue(
    '10.20.0.0/16',
  );
  expect(screen.getByRole('textbox', { name: `${m['field.localSubnet']} 1` })).toHaveValue(
    '192.168.0.0/16',
  );
  expect(screen.getByRole('textbox', { name: m['field.name'] })).toHaveValue('staff');
};

/** Basics → protocol → two-factor → review (defaults after the basics). */
const toReview = async (m: Dictionary, user: ReturnType<typeof userEvent.setup>) => {
  for (const step of [m['step.basics'], m['step.protocol'], m['step.twoFactor']]) {
    expect(await screen.findByRole('form', { name: step })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: m['common.next'] }));
  }
  expect(await screen.findByText(m['wizard.dryRunOk'])).toBeInTheDocument();
};

const en: Dictionary = { ...main, ...wizardWords.en };
const cases: [Language, Dictionary][] = [
  ['en', en],
  ['zh-CN', { ...zhCN, ...wizardWords['zh-CN'] }],
];

describe.each(cases)('in-place sign-in (%s)', (language, m) => {
  it(
    'a 401 on submit opens the sign-in dialog over the wizard; after signing in the input is there and the same submit goes through',
    { timeout: 120_000 },
    async () => {
      let creates = 0;
      const { calls } = mockFetch([
        withoutSslServer,
        ...baseRoutes('operator'),
        {
          method: 'GET',
          path: '/api/v1/demo',
          respond: () => ({ status: 200, body: demoAccounts }),
        },
        signInRoute(),
        {
          method: 'POST',
          path: servers,
          query: 'dryRun=true',
          respond: () => ({ status: 200, body: { dryRun: true, ok: true } }),
        },
        {
          method: 'POST',
          path: servers,
          respond: () => {
            creates += 1;
            // The session has ended on the server when the first submit arrives.
            return creates === 1
              ? unauthorized
              : {
                  status: 202,
                  body: operation('queued', { id: 'op-ssl', resourceKind: 'ssl-vpn-server' }),
                };
          },
        },
        {
          method: 'GET',
          path: '/api/v1/operations/op-ssl',
          respond: () => ({
            status: 200,
            body: operation('succeeded', { id: 'op-ssl', resourceKind: 'ssl-vpn-server' }),
          }),
        },
      ]);
      renderApp(`${base}/ssl-vpn-servers/new`, language);
      expect(
        await screen.findByRole('heading', { name: m['sslWizard.createTitle'] }),
      ).toBeInTheDocument();
      const user = userEvent.setup();
      await fillBasics(m, user);
      await toReview(m, user);
      const streamsBefore = FakeEventSource.instances.length;

      await user.click(screen.getByRole('button', { name: m['wizard.submitCreate'] }));
      const dialog = await screen.findByRole('dialog', { name: m['session.expiredTitle'] });
      expect(within(dialog).getByText(m['session.expiredText'])).toBeInTheDocument();
      // The wizard is still there under the dialog, and no error is explained for the 401.
      expect(screen.getByRole('heading', { name: m['sslWizard.createTitle'] })).toBeInTheDocument();
      expect(screen.queryByRole('alert')).not.toBeInTheDocument();
      // The demo accounts are listed, the user name is prefilled.
      expect(await within(dialog).findByText('op-pass-123456')).toBeInTheDocument();
      expect(within(dialog).getByRole('textbox', { name: m['login.username'] })).toHaveValue(
        'operator',
      );
      expect(await seriousViolations(dialog)).toEqual([]);
      // The stream of the ended session is closed.
      expect(FakeEventSource.instances.every((s) => s.closed)).toBe(true);

      // A wrong password is said so; the right one signs in.
      const password = within(dialog).getByLabelText(escape(m['login.password']));
      await user.type(password, 'wrong-password');
      await user.click(within(dialog).getByRole('button', { name: m['login.submit'] }));
      expect(await within(dialog).findByText(m['login.failed'])).toBeInTheDocument();
      await user.clear(password);
      await user.type(password, 'op-pass-123456');
      await user.click(within(dialog).getByRole('button', { name: m['login.submit'] }));
      await waitFor(() => {
        expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
      });
      expect(
        calls.filter((c) => c.method === 'POST' && c.path === '/api/v1/session').at(-1)?.body,
      ).toEqual({ username: 'operator', password: 'op-pass-123456' });
      // A new stream for the new session.
      await waitFor(() => {
        expect(FakeEventSource.instances.length).toBe(streamsBefore + 1);
      });
      expect(FakeEventSource.current().closed).toBe(false);

      // Still on the review; the steps behind it kept what was typed.
      for (let i = 0; i < 3; i += 1) {
        await user.click(screen.getByRole('button', { name: m['common.back'] }));
      }
      expect(await screen.findByRole('form', { name: m['step.basics'] })).toBeInTheDocument();
      expectBasicsKept(m);
      await toReview(m, user);

      // The same intent, the same Idempotency-Key: this time it goes through.
      await user.click(screen.getByRole('button', { name: m['wizard.submitCreate'] }));
      await waitFor(() => {
        expect(calls.filter(isCreate)).toHaveLength(2);
      });
      const [first, second] = calls.filter(isCreate);
      expect(first?.headers.get('Idempotency-Key')).toMatch(/^[0-9a-f-]{36}$/);
      expect(second?.headers.get('Idempotency-Key')).toBe(first?.headers.get('Idempotency-Key'));
      expect(second?.body).toMatchObject({ name: 'staff', clientIpPool: '10.20.0.0/16' });
      // Done: the wizard lands on the gateway page.
      expect(
        await screen.findByRole('heading', { level: 1, name: 'hq-gateway' }),
      ).toBeInTheDocument();
    },
  );
});

describe('in-place sign-in as another user', () => {
  it(
    "the stream's logout event mid-step opens the dialog; signing in as a viewer reloads the page for the viewer and keeps nothing of the operator's",
    { timeout: 120_000 },
    async () => {
      const { calls, client } = (() => {
        const mocked = mockFetch([
          withoutSslServer,
          ...baseRoutes('operator'),
          {
            method: 'GET',
            path: '/api/v1/demo',
            respond: () => ({ status: 200, body: demoAccounts }),
          },
          signInRoute(),
        ]);
        const rendered = renderApp(`${base}/ssl-vpn-servers/new`);
        return { calls: mocked.calls, client: rendered.client };
      })();
      expect(
        await screen.findByRole('heading', { name: en['sslWizard.createTitle'] }),
      ).toBeInTheDocument();
      const user = userEvent.setup();
      await fillBasics(en, user);

      act(() => {
        FakeEventSource.current().emit('logout', { type: 'logout' });
      });
      const dialog = await screen.findByRole('dialog', { name: en['session.expiredTitle'] });
      expect(await seriousViolations(dialog)).toEqual([]);
      expectBasicsKept(en);
      const detailReads = () =>
        calls.filter((c) => c.path === '/api/v1/regions/cn-hangzhou/vpn-gateways/vpn-std001')
          .length;
      const readsBefore = detailReads();

      await user.click(
        await within(dialog).findByRole('button', { name: 'Use the account viewer' }),
      );
      await user.click(within(dialog).getByRole('button', { name: en['login.submit'] }));
      await waitFor(() => {
        expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
      });

      // The page is the viewer's now: same route, no wizard, no operator input.
      expect(await screen.findByText(en['wizard.viewerNoAccess'])).toBeInTheDocument();
      expect(screen.queryByRole('textbox', { name: en['field.name'] })).not.toBeInTheDocument();
      expect(screen.getByText(en['role.viewer'])).toBeInTheDocument();
      // What the operator's session loaded was dropped and is read again for the viewer.
      await waitFor(() => {
        expect(detailReads()).toBeGreaterThan(readsBefore);
      });
      expect(client.getQueryData(['session'])).toMatchObject({ account: { role: 'viewer' } });
    },
  );
});

describe('in-place sign-in on a list page', () => {
  it('a read answered 401 opens the dialog; after signing in the failed read is made again', async () => {
    const { calls } = mockFetch([
      {
        method: 'GET',
        path: '/api/v1/regions/cn-hangzhou/vpn-gateways',
        once: true,
        respond: () => unauthorized,
      },
      ...baseRoutes('operator'),
      { method: 'GET', path: '/api/v1/demo', respond: () => ({ status: 404 }) },
      signInRoute(),
    ]);
    renderApp('/regions/cn-hangzhou/gateways');
    const dialog = await screen.findByRole('dialog', { name: en['session.expiredTitle'] });
    expect(await seriousViolations(dialog)).toEqual([]);
    // Still the list page underneath, at the same URL.
    expect(screen.getByRole('heading', { name: 'VPN gateways in China (Hangzhou)' })).toBeVisible();
    const user = userEvent.setup();
    await user.type(within(dialog).getByLabelText(escape(en['login.password'])), 'op-pass-123456');
    await user.click(within(dialog).getByRole('button', { name: en['login.submit'] }));
    expect(await screen.findByRole('link', { name: 'hq-gateway' })).toBeInTheDocument();
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(calls.filter((c) => c.path === '/api/v1/regions/cn-hangzhou/vpn-gateways')).toHaveLength(
      2,
    );
  });

  it('a session read answered 401 under an open page opens the dialog instead of leaving the page', async () => {
    let ended = false;
    mockFetch([
      {
        method: 'GET',
        path: '/api/v1/session',
        respond: () => (ended ? unauthorized : { status: 200, body: sessionOf('operator') }),
      },
      ...baseRoutes('operator'),
      { method: 'GET', path: '/api/v1/demo', respond: () => ({ status: 404 }) },
    ]);
    const { client } = renderApp('/regions/cn-hangzhou/gateways');
    expect(await screen.findByRole('link', { name: 'hq-gateway' })).toBeInTheDocument();
    ended = true;
    await act(() => client.refetchQueries({ queryKey: ['session'], exact: true }));
    expect(
      await screen.findByRole('dialog', { name: en['session.expiredTitle'] }),
    ).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'hq-gateway' })).toBeInTheDocument();
    expect(screen.getByRole('form', { name: en['login.title'] })).toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: 'VPN Gateway Console' })).not.toBeInTheDocument();
  });

  it('signing out on purpose still goes to the sign-in page, without the dialog', async () => {
    let signedIn = true;
    mockFetch([
      {
        method: 'GET',
        path: '/api/v1/session',
        respond: () => (signedIn ? { status: 200, body: sessionOf('operator') } : unauthorized),
      },
      ...baseRoutes('operator'),
      { method: 'GET', path: '/api/v1/demo', respond: () => ({ status: 404 }) },
      {
        method: 'DELETE',
        path: '/api/v1/session',
        respond: () => {
          signedIn = false;
          // The BFF tells the tab's stream too.
          FakeEventSource.current().emit('logout', { type: 'logout' });
          return { status: 204 };
        },
      },
    ]);
    renderApp('/regions/cn-hangzhou/gateways');
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Sign out' }));
    expect(await screen.findByRole('heading', { name: 'VPN Gateway Console' })).toBeInTheDocument();
    expect(screen.getByRole('form', { name: en['login.title'] })).toBeInTheDocument();
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  });
});
