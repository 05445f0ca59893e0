/** RFC 9457 problem details. Every error a service sends is one of these. */
export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  detail?: string;
  instance?: string;
  [extension: string]: unknown;
}

const titles: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  402: 'Payment Required',
  403: 'Forbidden',
  404: 'Not Found',
  409: 'Conflict',
  422: 'Unprocessable Content',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
};

export class HttpProblem extends Error {
  constructor(
    readonly status: number,
    readonly detail: string,
    readonly extensions: Record<string, unknown> = {},
    readonly type = 'about:blank',
  ) {
    super(detail);
  }

  toProblem(instance?: string): ProblemDetails {
    // Extensions first: an extension named like a standard member (`status`, say) must not replace it.
    return { ...this.extensions, type: this.type, title: titles[this.status] ?? 'Error', status: this.status, detail: this.detail, instance };
  }
}

export const badRequest = (detail: string, ext?: Record<string, unknown>) => new HttpProblem(400, detail, ext);
export const unauthorized = (detail = 'Authentication required') => new HttpProblem(401, detail);
export const forbidden = (detail = 'You are not allowed to do this') => new HttpProblem(403, detail);
export const notFound = (detail: string) => new HttpProblem(404, detail);
export const conflict = (detail: string, ext?: Record<string, unknown>) => new HttpProblem(409, detail, ext);
export const unprocessable = (detail: string, ext?: Record<string, unknown>) => new HttpProblem(422, detail, ext);
export const serviceUnavailable = (detail: string) => new HttpProblem(503, detail);

export function problemTitle(status: number): string {
  return titles[status] ?? 'Error';
}
