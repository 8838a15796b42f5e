// /api/v1/accounts: admins list, create, re-role, disable and reset passwords. Every change is
// audited (the password only as changed).
import type { Router } from 'express';
import { apiRouter } from '../../http/api-router';
import { mount } from '../../http/mount';
import {
  changeAccountRequestSchema,
  createAccountRequestSchema,
  type AccountList,
} from '@vpn-console/shared/api/accounts';
import {
  AccountExistsError,
  accountView,
  LastAdminError,
  type Accounts,
} from '../../auth/accounts';
import { ISSUE_CODES } from '@vpn-console/shared/errors/issue-codes';
import { PasswordPolicyError } from '../../auth/password-policy';
import { sendError, zodIssues } from '../../auth/http';
import { principalOf } from '../../auth/principal';
import type { Sessions } from '../../auth/sessions';
import { auditDiff, type AuditLog } from '../audit/audit-log';

export interface AccountsRouterDeps {
  readonly accounts: Accounts;
  readonly sessions: Sessions;
  readonly audit: AuditLog;
}

export function accountsRouter(deps: AccountsRouterDeps): Router {
  const router = apiRouter();

  mount(router, 'listAccounts', async (_req, res) => {
    const body: AccountList = { items: (await deps.accounts.list()).map(accountView) };
    res.json(body);
  });

  mount(router, 'getAccount', async (req, res) => {
    const account = await deps.accounts.get(req.params.accountId);
    if (account === undefined) {
      sendError(res, 404, 'NotFound');
      return;
    }
    res.json(accountView(account));
  });

  mount(router, 'createAccount', async (req, res) => {
    const parsed = createAccountRequestSchema.safeParse(req.body);
    if (!parsed.success) {
      sendError(res, 400, 'ValidationFailed', zodIssues(parsed.error));
      return;
    }
    const actor = principalOf(req);
    const auditActor =
      actor === undefined
        ? null
        : { id: actor.accountId, username: actor.username, role: actor.role };
    try {
      const account = await deps.accounts.create(parsed.data);
      await deps.audit.record({
        category: 'account',
        action: 'createAccount',
        outcome: 'success',
        actor: auditActor,
        resourceType: 'account',
        resourceId: account.id,
        changes: auditDiff({}, { username: account.username, role: account.role, password: 'set' }),
      });
      res.status(201).json(accountView(account));
    } catch (err) {
      if (err instanceof PasswordPolicyError) {
        sendError(res, 400, 'ValidationFailed', [{ path: 'password', code: err.code }]);
        return;
      }
      if (!(err instanceof AccountExistsError)) throw err;
      await deps.audit.record({
        category: 'account',
        action: 'createAccount',
        outcome: 'failure',
        actor: auditActor,
        resourceType: 'account',
        errorCode: 'AccountExists',
      });
      sendError(res, 409, 'AccountExists', [
        { path: 'username', code: ISSUE_CODES.USERNAME_TAKEN },
      ]);
    }
  });

  mount(router, 'changeAccount', async (req, res) => {
    const parsed = changeAccountRequestSchema.safeParse(req.body);
    if (!parsed.success) {
      sendError(res, 400, 'ValidationFailed', zodIssues(parsed.error));
      return;
    }
    const actor = principalOf(req);
    const auditActor =
      actor === undefined
        ? null
        : { id: actor.accountId, username: actor.username, role: actor.role };
    const refuse = async (status: number, code: 'LastAdmin' | 'SelfLockout') => {
      await deps.audit.record({
        category: 'account',
        action: 'changeAccount',
        outcome: 'failure',
        actor: auditActor,
        resourceType: 'account',
        resourceId: req.params.accountId,
        errorCode: code,
      });
      sendError(res, status, code);
    };
    // An admin cannot lock themselves out: no disabling or demoting one's own account.
    if (
      actor?.accountId === req.params.accountId &&
      (parsed.data.disabled === true ||
        (parsed.data.role !== undefined && parsed.data.role !== actor.role))
    ) {
      await refuse(409, 'SelfLockout');
      return;
    }
    let result: Awaited<ReturnType<Accounts['change']>>;
    try {
      result = await deps.accounts.change(req.params.accountId, parsed.data);
    } catch (err) {
      if (err instanceof PasswordPolicyError) {
        sendError(res, 400, 'ValidationFailed', [{ path: 'password', code: err.code }]);
        return;
      }
      if (err instanceof LastAdminError) {
        await refuse(409, 'LastAdmin');
        return;
      }
      throw err;
    }
    if (result === undefined) {
      sendError(res, 404, 'NotFound');
      return;
    }
    const { before, after } = result;
    await deps.audit.record({
      category: 'account',
      action: 'changeAccount',
      outcome: 'success',
      actor: auditActor,
      resourceType: 'account',
      resourceId: after.id,
      changes: auditDiff(
        { role: before.role, disabled: before.disabled, password: 'old' },
        {
          role: after.role,
          disabled: after.disabled,
          password: parsed.data.password === undefined ? 'old' : 'new',
        },
      ),
    });
    res.json(accountView(after));
  });

  // An admin ends every session of an account (ASVS 7.4.5); its event streams get `logout`.
  mount(router, 'endAccountSessions', async (req, res) => {
    const account = await deps.accounts.get(req.params.accountId);
    if (account === undefined) {
      sendError(res, 404, 'NotFound');
      return;
    }
    const ended = await deps.sessions.destroyForAccount(account.id);
    const actor = principalOf(req);
    await deps.audit.record({
      category: 'account',
      action: 'endSessions',
      outcome: 'success',
      actor:
        actor === undefined
          ? null
          : { id: actor.accountId, username: actor.username, role: actor.role },
      resourceType: 'account',
      resourceId: account.id,
      changes: [{ path: 'sessions', secret: false, before: ended, after: 0 }],
    });
    res.status(204).end();
  });

  return router;
}
