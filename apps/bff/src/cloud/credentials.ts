// Credentials for the real cloud: the Alibaba Cloud default chain (env variables, OIDC, the
// aliyun CLI profile, ~/.alibabacloud/credentials, ECS RAM role only when asked, credentials URI).
import { DefaultCredentialsProvider } from '@alicloud/credentials';
import type { CloudCredentials, CredentialsProvider } from './pop-client';

export class CredentialsNotFoundError extends Error {
  constructor() {
    super(
      'CLOUD_MODE=alibaba but no Alibaba Cloud credentials were found. Set ' +
        'ALIBABA_CLOUD_ACCESS_KEY_ID and ALIBABA_CLOUD_ACCESS_KEY_SECRET, configure a profile with ' +
        'the aliyun CLI (~/.aliyun/config.json) or ~/.alibabacloud/credentials, or set ' +
        'ALIBABA_CLOUD_ECS_METADATA=<role> on an ECS instance. (Start with CLOUD_MODE=emulator ' +
        'for the emulated cloud.)',
    );
    this.name = 'CredentialsNotFoundError';
  }
}

/**
 * The default chain, checked once at start-up: a failure stops the BFF with a clear message
 * (never a fallback to the emulator). The chain's own error text is dropped: it may name paths
 * and providers but we do not forward library text.
 */
export const alibabaCredentialsProvider = async (): Promise<CredentialsProvider> => {
  const chain = DefaultCredentialsProvider.builder().build();
  const provider: CredentialsProvider = {
    getCredentials: async (): Promise<CloudCredentials> => {
      const c = await chain.getCredentials();
      return {
        accessKeyId: c.accessKeyId,
        accessKeySecret: c.accessKeySecret,
        securityToken: c.securityToken || undefined,
      };
    },
  };
  try {
    const first = await provider.getCredentials();
    if (!first.accessKeyId || !first.accessKeySecret) throw new CredentialsNotFoundError();
  } catch {
    throw new CredentialsNotFoundError();
  }
  return provider;
};

export const staticCredentials = (credentials: CloudCredentials): CredentialsProvider => ({
  getCredentials: () => Promise.resolve(credentials),
});
