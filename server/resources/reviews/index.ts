import { reviews } from '../../../db/schema';
import { crud } from '../../lib/resource';
import type { ListSpec } from '../../lib/ra-list';

/** Review decisions are written only by the review action (applications/{id}/review). */
export const reviewList: ListSpec = {
  resource: 'reviews',
  table: reviews,
  columns: {
    id: reviews.id,
    applicationId: reviews.applicationId,
    step: reviews.step,
    organizationId: reviews.organizationId,
    decision: reviews.decision,
    resultStatus: reviews.resultStatus,
    createdAt: reviews.createdAt,
  },
  defaultSort: ['createdAt', 'DESC'],
};

export const reviewRoutes = () =>
  crud({
    list: reviewList,
    // The worker sees which union decided, not which clerk.
    serialize: (row, u) => (u.role === 'worker' ? { ...row, userId: null } : row),
  });
