// Region names in the chosen language: the dictionary knows Alibaba Cloud's regions by id; a
// region it does not know keeps the name the BFF sent (DescribeRegions' LocalName).
import { useI18n } from './i18n';

export const useRegionName = (): ((regionId: string, fallback: string) => string) => {
  const { t, has } = useI18n();
  return (regionId, fallback) => {
    const key = `region.${regionId}`;
    return has(key) ? t(key) : fallback;
  };
};
