import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { RouterLink } from '@angular/router';

import { DeploymentStore } from '../../deployment/deployment-store';

/** Public landing page: what Kaliber is, and the way to each service for citizens. */
@Component({
  selector: 'app-home-page',
  imports: [RouterLink],
  templateUrl: './home-page.html',
  styleUrl: './home-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class HomePage {
  private readonly deployment = inject(DeploymentStore);

  protected readonly officeName = this.deployment.officeName;
  protected readonly placeName = this.deployment.placeName;
}
