import twilio from 'twilio';

type RequestOptions = Parameters<InstanceType<typeof twilio.RequestClient>['request']>[0];

/** `https://api.twilio.com/2010-04-01/...` rebased onto `apiUrl` (which may carry a path, as SignalWire's `/api/laml` does). */
export const rebaseUri = (uri: string, apiUrl: string): string => {
  const original = new URL(uri);
  return `${apiUrl.replace(/\/+$/, '')}${original.pathname}${original.search}`;
};

/**
 * The client's own request client, sending every request to a Twilio-compatible API instead of
 * Twilio's hosts: the client's `edge`/`region` options only rename `*.twilio.com` hosts.
 */
export const apiUrlRequestClient = (apiUrl: string): InstanceType<typeof twilio.RequestClient> => {
  class ApiUrlRequestClient extends twilio.RequestClient {
    override request<TData>(opts: RequestOptions & { data?: TData }) {
      return super.request<TData>({ ...opts, uri: rebaseUri(opts.uri, apiUrl) });
    }
  }
  return new ApiUrlRequestClient();
};
