export interface RegionInfo {
  RegionId: string;
  LocalName: string;
  LocalNameEn: string;
  RegionEndpoint: string;
  /** The three characters real instance ids carry after their prefix (`vpn-bp1…` in cn-hangzhou). */
  IdCode: string;
}

const region = (
  RegionId: string,
  LocalName: string,
  LocalNameEn: string,
  IdCode: string,
): RegionInfo => ({
  RegionId,
  LocalName,
  LocalNameEn,
  RegionEndpoint: RegionId === 'cn-hangzhou' ? 'vpc.aliyuncs.com' : `vpc.${RegionId}.aliyuncs.com`,
  IdCode,
});

/**
 * Every region the emulated cloud can hold, the four of the demo seed first. A seed names the
 * ones its cloud has (`EmulatorState.regions`); without that, the first four.
 */
export const REGION_CATALOG: readonly RegionInfo[] = [
  region('cn-hangzhou', '华东1（杭州）', 'China (Hangzhou)', 'bp1'),
  region('cn-shanghai', '华东2（上海）', 'China (Shanghai)', 'uf6'),
  region('cn-beijing', '华北2（北京）', 'China (Beijing)', '2ze'),
  region('ap-southeast-1', '新加坡', 'Singapore', 't4n'),
  region('cn-qingdao', '华北1（青岛）', 'China (Qingdao)', 'm5e'),
  region('cn-zhangjiakou', '华北3（张家口）', 'China (Zhangjiakou)', '8vb'),
  region('cn-huhehaote', '华北5（呼和浩特）', 'China (Hohhot)', 'hp3'),
  region('cn-wulanchabu', '华北6（乌兰察布）', 'China (Ulanqab)', '0jl'),
  region('cn-shenzhen', '华南1（深圳）', 'China (Shenzhen)', 'wz9'),
  region('cn-heyuan', '华南2（河源）', 'China (Heyuan)', 'f8z'),
  region('cn-guangzhou', '华南3（广州）', 'China (Guangzhou)', '7xv'),
  region('cn-chengdu', '西南1（成都）', 'China (Chengdu)', '2vc'),
  region('cn-hongkong', '中国香港', 'China (Hong Kong)', 'j6c'),
  region('ap-northeast-1', '日本（东京）', 'Japan (Tokyo)', '6we'),
  region('ap-northeast-2', '韩国（首尔）', 'South Korea (Seoul)', 'mj7'),
  region('ap-southeast-3', '马来西亚（吉隆坡）', 'Malaysia (Kuala Lumpur)', '8ps'),
  region('ap-southeast-5', '印度尼西亚（雅加达）', 'Indonesia (Jakarta)', 'k1a'),
  region('ap-southeast-6', '菲律宾（马尼拉）', 'Philippines (Manila)', '4xa'),
  region('ap-southeast-7', '泰国（曼谷）', 'Thailand (Bangkok)', '0jo'),
  region('us-east-1', '美国（弗吉尼亚）', 'US (Virginia)', '0xi'),
  region('us-west-1', '美国（硅谷）', 'US (Silicon Valley)', 'rj9'),
  region('eu-central-1', '德国（法兰克福）', 'Germany (Frankfurt)', 'gw8'),
  region('eu-west-1', '英国（伦敦）', 'UK (London)', 'd7o'),
  region('me-east-1', '阿联酋（迪拜）', 'UAE (Dubai)', 'eb3'),
  region('me-central-1', '沙特（利雅得）', 'Saudi Arabia (Riyadh)', 'l4m'),
  region('cn-nanjing', '华东5（南京-本地地域）', 'China (Nanjing - Local Region)', 'nj5'),
  region('cn-fuzhou', '华东6（福州-本地地域）', 'China (Fuzhou - Local Region)', 'fz6'),
];

/** The regions of the demo and empty seeds. */
export const DEFAULT_REGION_IDS: readonly string[] = REGION_CATALOG.slice(0, 4).map(
  (r) => r.RegionId,
);

/** The regions a state holds (its own list, or the default four), in catalogue order. */
export function regionsOf(state: { regions?: readonly string[] | undefined }): RegionInfo[] {
  const ids = new Set(state.regions ?? DEFAULT_REGION_IDS);
  return REGION_CATALOG.filter((r) => ids.has(r.RegionId));
}

export function isKnownRegion(
  regionId: string,
  state: { regions?: readonly string[] | undefined },
): boolean {
  return (state.regions ?? DEFAULT_REGION_IDS).includes(regionId);
}

/** The id code of a region (`bp1` for cn-hangzhou); `gw5` for one outside the catalogue. */
export function regionIdCode(regionId: string): string {
  return REGION_CATALOG.find((r) => r.RegionId === regionId)?.IdCode ?? 'gw5';
}
