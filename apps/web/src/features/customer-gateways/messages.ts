// The customer gateways page's words (issue 17), both languages, loaded only with the page: kept
// out of the SPA's main dictionaries so the first screens stay within their size budget. Plain
// data (the e2e journey reads it too); read with useWords (lib/i18n.tsx).
import type { Words } from '../../lib/messages';

export const customerGatewaysEn = {
  'cgw.title': 'Customer gateways',
  'cgw.intro':
    'The peer devices IPsec connections point to, per region. One in use by a connection cannot be deleted.',
  'cgw.region': 'Region',
  'cgw.search': 'Search by name, IP address, ASN or description',
  'cgw.shown': '{shown} of {total} shown',
  'cgw.empty': 'No customer gateways in this region.',
  'cgw.noMatch': 'No customer gateway matches the search.',
  'cgw.loadFailed': 'The customer gateways could not be loaded.',
  'cgw.name': 'Name',
  'cgw.ipAddress': 'IP address',
  'cgw.asn': 'ASN',
  'cgw.description': 'Description',
  'cgw.usedBy': 'Used by',
  'cgw.created': 'Created',
  'cgw.actions': 'Actions',
  'cgw.unused': 'No connection',
  'cgw.tunnel': '(tunnel {id})',
  'cgw.edit': 'Edit',
  'cgw.editFor': 'Edit {name}',
  'cgw.deleteFor': 'Delete {name}',
  'cgw.editTitle': 'Edit customer gateway {name}',
  'cgw.save': 'Save',
  'cgw.saved': 'Customer gateway {name} saved.',
  'cgw.inUse':
    'Connections using it: {count}. Delete them or move them to another customer gateway first.',
  'cgw.failed': 'The change failed.',
  'cgw.deleteWarning':
    'Deleting customer gateway "{name}" removes it from the region. This cannot be undone.',
} as const;

export type CustomerGatewaysKey = keyof typeof customerGatewaysEn;

export const customerGatewaysZhCN: Record<CustomerGatewaysKey, string> = {
  'cgw.title': '用户网关',
  'cgw.intro': '各地域中 IPsec 连接所指向的对端设备。被连接使用的用户网关不能删除。',
  'cgw.region': '地域',
  'cgw.search': '按名称、IP 地址、ASN 或描述搜索',
  'cgw.shown': '显示 {shown} / {total} 个',
  'cgw.empty': '该地域没有用户网关。',
  'cgw.noMatch': '没有符合搜索条件的用户网关。',
  'cgw.loadFailed': '无法加载用户网关。',
  'cgw.name': '名称',
  'cgw.ipAddress': 'IP 地址',
  'cgw.asn': 'ASN',
  'cgw.description': '描述',
  'cgw.usedBy': '使用它的连接',
  'cgw.created': '创建时间',
  'cgw.actions': '操作',
  'cgw.unused': '无连接',
  'cgw.tunnel': '（隧道 {id}）',
  'cgw.edit': '编辑',
  'cgw.editFor': '编辑 {name}',
  'cgw.deleteFor': '删除 {name}',
  'cgw.editTitle': '编辑用户网关 {name}',
  'cgw.save': '保存',
  'cgw.saved': '用户网关 {name} 已保存。',
  'cgw.inUse': '有 {count} 个连接正在使用：请先删除这些连接或为其改用其他用户网关。',
  'cgw.failed': '变更失败。',
  'cgw.deleteWarning': '删除用户网关“{name}”会将其从地域中移除，且无法撤销。',
};

export const customerGatewaysWords: Words<CustomerGatewaysKey> = {
  en: customerGatewaysEn,
  'zh-CN': customerGatewaysZhCN,
};
