import {
  loginRequestSchema,
  sessionViewSchema,
  type LoginRequest,
} from '@vpn-console/shared/api/session';
import { pathTo } from '@vpn-console/shared/api/paths';
import * as route from '@vpn-console/shared/api/route-paths';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { sessionKey } from '../../../lib/session';

export const login = (body: LoginRequest) =>
  apiRequest(sessionViewSchema, pathTo(route.login), {
    method: 'POST',
    body: loginRequestSchema.parse(body),
  });

export const useLogin = () => {
  const client = useQueryClient();
  return useMutation({
    mutationFn: login,
    onSuccess: (session) => {
      client.removeQueries({ predicate: (q) => q.queryKey[0] !== sessionKey[0] });
      client.setQueryData(sessionKey, session);
    },
  });
};
