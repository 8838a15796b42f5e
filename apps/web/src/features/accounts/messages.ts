// The accounts page's words, both languages, loaded only with the page: kept out of the SPA's
// main dictionaries so the first screens stay within their size budget. Plain data (the e2e
// journeys read it too); read with useWords (lib/i18n.tsx).
import type { Words } from '../../lib/messages';

export const accountsEn = {
  'accounts.title': 'Accounts',
  'accounts.forbidden': 'Only administrators manage accounts.',
  'accounts.state': 'State',
  'accounts.actions': 'Actions',
  'accounts.enabled': 'active',
  'accounts.disabled': 'disabled',
  'accounts.enable': 'Enable',
  'accounts.disable': 'Disable',
  'accounts.create': 'Create account',
  'accounts.roleOf': 'Role of {username}',
  'accounts.passwordHint': 'At least 12 characters.',
  'accounts.lastLogin': 'Last login',
  'accounts.never': 'never',
  'accounts.selfNote': 'Your own account: another administrator changes its role or disables it.',
  'accounts.lastAdminNote': 'The last enabled administrator: create or enable another one first.',
  'accounts.enableOf': 'Enable {username}',
  'accounts.disableOf': 'Disable {username}',
  'accounts.resetPassword': 'Reset password',
  'accounts.resetPasswordOf': 'Reset password for {username}',
  'accounts.endSessions': 'End sessions',
  'accounts.endSessionsOf': 'End sessions of {username}',
  'accounts.newPassword': 'New password',
  'accounts.confirm.role.title': 'Make {username} {role}?',
  'accounts.confirm.role.body':
    '{username} works as {role} from their next request; open pages follow.',
  'accounts.confirm.role.button': 'Change role',
  'accounts.confirm.disable.title': 'Disable {username}?',
  'accounts.confirm.disable.body':
    '{username} is signed out everywhere now and cannot sign in until an administrator enables the account again.',
  'accounts.confirm.disable.button': 'Disable',
  'accounts.confirm.enable.title': 'Enable {username}?',
  'accounts.confirm.enable.body': '{username} can sign in again with their password.',
  'accounts.confirm.enable.button': 'Enable',
  'accounts.confirm.endSessions.title': 'End every session of {username}?',
  'accounts.confirm.endSessions.body':
    '{username} is signed out in every browser now and can sign in again.',
  'accounts.confirm.endSessions.button': 'End sessions',
  'accounts.confirm.password.title': 'Reset the password of {username}',
  'accounts.confirm.password.body':
    'Their sessions end now. Tell {username} the new password over a safe channel.',
  'accounts.confirm.password.button': 'Set password',
  'accounts.done.create': 'Account {username} created.',
  'accounts.done.role': '{username} is now {role}.',
  'accounts.done.disable': '{username} is disabled and signed out.',
  'accounts.done.enable': '{username} is enabled.',
  'accounts.done.endSessions': 'Every session of {username} ended.',
  'accounts.done.password': 'The password of {username} is reset; their sessions ended.',
  'demo.controls.title': 'Demo data and scenarios',
  'demo.controls.intro':
    'For demonstrations: put the demo data back as it was, or play a failure to show how the console reports it. Every action is audited.',
  'demo.controls.reset': 'Reset demo data',
  'demo.controls.resetWarning':
    'Every change made in the demo cloud is undone and running scenarios stop. Accounts and the audit log stay.',
  'demo.controls.resetConfirm': 'Reset now',
  'demo.controls.resetDone': 'The demo data is as seeded again.',
  'demo.controls.start': 'Start scenario',
  'demo.controls.started': 'Scenario started: {scenario}.',
  'demo.scenario.throttling': 'Cloud throttling',
  'demo.scenario.tunnel-down': 'A tunnel goes down',
  'demo.scenario.gateway-stuck-updating': 'A gateway stuck updating',
  'demo.scenarioHelp.throttling':
    'The next 60 cloud calls answer Throttling.User: pages show data as stale since when, and writes wait and retry.',
  'demo.scenarioHelp.tunnel-down':
    'The peer of hz-site-to-site changes its pre-shared key: its connection drops and the card says what to check. Reset the demo data to bring it back.',
  'demo.scenarioHelp.gateway-stuck-updating':
    'hz-site-to-site stays updating for two minutes: writes to it wait in its queue and the page says so.',
};

export type AccountsKey = keyof typeof accountsEn;

export const accountsZhCN: Record<AccountsKey, string> = {
  'accounts.title': '账号管理',
  'accounts.forbidden': '只有管理员可以管理账号。',
  'accounts.state': '状态',
  'accounts.actions': '操作',
  'accounts.enabled': '启用',
  'accounts.disabled': '已停用',
  'accounts.enable': '启用',
  'accounts.disable': '停用',
  'accounts.create': '创建账号',
  'accounts.roleOf': '{username} 的角色',
  'accounts.passwordHint': '至少 12 个字符。',
  'accounts.lastLogin': '最近登录',
  'accounts.never': '从未登录',
  'accounts.selfNote': '这是您自己的账号：其角色和停用须由另一位管理员操作。',
  'accounts.lastAdminNote': '最后一个启用的管理员：请先创建或启用另一个管理员。',
  'accounts.enableOf': '启用 {username}',
  'accounts.disableOf': '停用 {username}',
  'accounts.resetPassword': '重置密码',
  'accounts.resetPasswordOf': '重置密码（{username}）',
  'accounts.endSessions': '结束会话',
  'accounts.endSessionsOf': '结束会话（{username}）',
  'accounts.newPassword': '新密码',
  'accounts.confirm.role.title': '将 {username} 设为{role}？',
  'accounts.confirm.role.body': '{username} 从下一次请求起以{role}身份操作；已打开的页面随之更新。',
  'accounts.confirm.role.button': '更改角色',
  'accounts.confirm.disable.title': '停用 {username}？',
  'accounts.confirm.disable.body':
    '{username} 将立即在所有位置退出登录，管理员重新启用前无法登录。',
  'accounts.confirm.disable.button': '停用',
  'accounts.confirm.enable.title': '启用 {username}？',
  'accounts.confirm.enable.body': '{username} 可以再次使用其密码登录。',
  'accounts.confirm.enable.button': '启用',
  'accounts.confirm.endSessions.title': '结束 {username} 的所有会话？',
  'accounts.confirm.endSessions.body':
    '{username} 将立即在所有浏览器中退出登录，之后可以重新登录。',
  'accounts.confirm.endSessions.button': '结束会话',
  'accounts.confirm.password.title': '重置 {username} 的密码',
  'accounts.confirm.password.body': '其所有会话将立即结束。请通过安全渠道告知 {username} 新密码。',
  'accounts.confirm.password.button': '设置密码',
  'accounts.done.create': '已创建账号 {username}。',
  'accounts.done.role': '{username} 现在是{role}。',
  'accounts.done.disable': '已停用 {username} 并使其退出登录。',
  'accounts.done.enable': '已启用 {username}。',
  'accounts.done.endSessions': '已结束 {username} 的所有会话。',
  'accounts.done.password': '已重置 {username} 的密码，其会话已结束。',
  'demo.controls.title': '演示数据与场景',
  'demo.controls.intro':
    '用于演示：将演示数据恢复原样，或模拟一次故障以展示控制台如何呈现。每个操作都会记入审计日志。',
  'demo.controls.reset': '重置演示数据',
  'demo.controls.resetWarning':
    '演示云中的所有变更将被撤销，正在进行的场景将停止。账号和审计日志保持不变。',
  'demo.controls.resetConfirm': '立即重置',
  'demo.controls.resetDone': '演示数据已恢复为初始状态。',
  'demo.controls.start': '开始场景',
  'demo.controls.started': '场景已开始：{scenario}。',
  'demo.scenario.throttling': '云端限流',
  'demo.scenario.tunnel-down': '隧道断开',
  'demo.scenario.gateway-stuck-updating': '网关卡在更新中',
  'demo.scenarioHelp.throttling':
    '接下来 60 次云端调用返回 Throttling.User：页面显示数据自何时起未更新，写操作会等待并重试。',
  'demo.scenarioHelp.tunnel-down':
    'hz-site-to-site 的对端更换了预共享密钥：其连接断开，卡片会提示检查项。重置演示数据即可恢复。',
  'demo.scenarioHelp.gateway-stuck-updating':
    'hz-site-to-site 在两分钟内保持更新中：对它的写操作在队列中等待，页面会显示这一点。',
};

export const accountsWords: Words<AccountsKey> = { en: accountsEn, 'zh-CN': accountsZhCN };
