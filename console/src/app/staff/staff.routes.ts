import { type Routes } from '@angular/router';

import { StaffAreaPage } from './staff-area-page';

/** Staff routes, loaded only when a staff member opens /staf. */
export const staffRoutes: Routes = [{ path: '', title: 'Area staf', component: StaffAreaPage }];
