import {
  ChangeDetectionStrategy,
  Component,
  type ElementRef,
  inject,
  viewChild,
} from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatToolbarModule } from '@angular/material/toolbar';
import { RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';

import { AuthStore } from './auth/auth-store';
import { DeploymentStore } from './deployment/deployment-store';

/**
 * The shell: toolbar with the main navigation and the signed-in account (or the way to sign
 * in), the routed page, and a short footer.
 */
@Component({
  selector: 'app-root',
  imports: [RouterOutlet, RouterLink, RouterLinkActive, MatToolbarModule, MatButtonModule],
  templateUrl: './app.html',
  styleUrl: './app.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class App {
  private readonly mainContent = viewChild.required<ElementRef<HTMLElement>>('mainContent');

  /** "KPU Kota Jakarta Timur" once the API has said which kab/kota this is. */
  protected readonly officeName = inject(DeploymentStore).officeName;

  private readonly auth = inject(AuthStore);

  /** The signed-in account, or null; the toolbar offers "Masuk" only once this is known. */
  protected readonly account = this.auth.account;
  protected readonly isViewerKnown = this.auth.isKnown;

  constructor() {
    void this.auth.ensureLoaded();
  }

  protected async logout(): Promise<void> {
    await this.auth.logout();
  }

  /**
   * Moves focus to the page content. A plain `href="#konten"` would resolve against
   * `<base href="/">` and reload the home page from any other route.
   */
  protected skipToContent(event: Event): void {
    event.preventDefault();

    this.mainContent().nativeElement.focus();
  }
}
