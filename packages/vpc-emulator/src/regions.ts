export interface RegionInfo {
  RegionId: string;
  LocalName: string;
  LocalNameEn: string;
  RegionEndpoint: string;
}

/** The regions the emulated cloud knows (present in every seed). */
export const REGIONS: readonly RegionInfo[] = [
  {
    RegionId: 'cn-hangzhou',
    LocalName: '华东1（杭州）',
    LocalNameEn: 'China (Hangzhou)',
    RegionEndpoint: 'vpc.aliyuncs.com',
  },
  {
    RegionId: 'cn-shanghai',
    LocalName: '华东2（上海）',
    LocalNameEn: 'China (Shanghai)',
    RegionEndpoint: 'vpc.cn-shanghai.aliyuncs.com',
  },
  {
    RegionId: 'cn-beijing',
    LocalName: '华北2（北京）',
    LocalNameEn: 'China (Beijing)',
    RegionEndpoint: 'vpc.cn-beijing.aliyuncs.com',
  },
  {
    RegionId: 'ap-southeast-1',
    LocalName: '新加坡',
    LocalNameEn: 'Singapore',
    RegionEndpoint: 'vpc.ap-southeast-1.aliyuncs.com',
  },
];

export function isKnownRegion(regionId: string): boolean {
  return REGIONS.some((r) => r.RegionId === regionId);
}
