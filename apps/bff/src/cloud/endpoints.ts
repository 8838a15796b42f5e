// VPC OpenAPI endpoints (reference §1.10).

export const VPC_API_VERSION = '2016-04-28';

/** Alibaba Cloud public endpoint of the VPC API for a region. */
export const alibabaVpcEndpoint = (regionId: string): string => {
  // The region id becomes part of a host name: refuse anything but a plain region id.
  if (!/^[a-z]{2}(-[a-z0-9]+){1,4}$/.test(regionId)) {
    throw new RangeError('not a region id');
  }
  return regionId === 'cn-hangzhou'
    ? 'https://vpc.aliyuncs.com'
    : `https://vpc.${regionId}.aliyuncs.com`;
};

export type EndpointResolver = (regionId: string) => string;

export const fixedEndpoint =
  (url: string): EndpointResolver =>
  () =>
    url;
