import { as } from '@emporium/kit/testing';

export const staff = as('staff');
export const customer = as('customer');

export { as, assertProblem, eventually } from '@emporium/kit/testing';

export const hoursFromNow = (h: number) => new Date(Date.now() + h * 3_600_000).toISOString();
