import type { Db } from '../db/open';
import type { ChangeAppliers } from '../sync/appliers';
import { writeCustomer, writeCustomerCase, writeCustomerEvent } from './customersRepo';

/** The change kinds the customer timeline owns: customers, their events and earlier cases. */
export function customerChangeAppliers(
  db: Db,
): Pick<ChangeAppliers, 'customer' | 'customer_event' | 'customer_case'> {
  return {
    customer: (c) => writeCustomer(db, c.customer),
    customer_event: (c) => writeCustomerEvent(db, c.event),
    customer_case: (c) => writeCustomerCase(db, c.case),
  };
}
