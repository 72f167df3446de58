import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { RouterLink } from '@angular/router';

import { DeploymentStore } from '../../deployment/deployment-store';

/** Public landing page: what Kaliber is and which services are still to come. */
@Component({
  selector: 'app-home-page',
  imports: [RouterLink, MatButtonModule],
  templateUrl: './home-page.html',
  styleUrl: './home-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class HomePage {
  private readonly deployment = inject(DeploymentStore);

  protected readonly officeName = this.deployment.officeName;
  protected readonly placeName = this.deployment.placeName;
}
