import type { RegionCatalogue } from '@kaliber/schema';
import type { DataSource } from 'typeorm';

import type { Logger } from '../logging/logger.js';

/** What every resolver receives. Built once per request by the HTTP layer. */
export interface GraphQLContext {
  /** Correlation id of this request; also in the log line and the X-Request-Id header. */
  readonly requestId: string;
  readonly log: Logger;
  readonly dataSource: DataSource;
  readonly regions: RegionCatalogue;
}
