import { useQuery } from '@tanstack/react-query';
import { api, parseResponse } from '../../lib/api';

export const healthKeys = { all: ['health'] as const };

export function useHealth() {
  return useQuery({
    queryKey: healthKeys.all,
    queryFn: () => parseResponse(api.api.health.$get()),
  });
}
