package radesk.ui.counter.update;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Collection;
import java.util.List;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.SubMonitor;
import org.eclipse.equinox.p2.core.IProvisioningAgent;
import org.eclipse.equinox.p2.engine.IProfileRegistry;
import org.eclipse.equinox.p2.engine.ProvisioningContext;
import org.eclipse.equinox.p2.operations.ProvisioningJob;
import org.eclipse.equinox.p2.operations.ProvisioningSession;
import org.eclipse.equinox.p2.operations.Update;
import org.eclipse.equinox.p2.operations.UpdateOperation;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;

/**
 * The p2 side of 檢查更新: what one update site offers for every root of this installation (the product
 * and each of its root features: the product alone would leave every bundle as it is, its features being
 * installed in root mode), and installing that. No widget here: both steps run on a Job's thread.
 */
final class SiteUpdate {

	/** The operator's setting: the p2 site this workstation updates from (RADESK_JAVA_OPTS or config.ini). */
	static final String SITE = "radesk.update.site";

	/** What the check found. */
	enum Outcome {
		FOUND, NONE, NO_PROFILE, SITE_FAILED
	}

	private final UpdateOperation operation;
	private final Outcome outcome;

	private SiteUpdate(UpdateOperation operation, Outcome outcome) {
		this.operation = operation;
		this.outcome = outcome;
	}

	/** A site named over a way others can change (plain http, ftp, …): refused before anything is asked of it. */
	static final class InsecureSite extends URISyntaxException {
		private static final long serialVersionUID = 1L;

		InsecureSite(String site) {
			super(site, "an update site is reached over https: or read from file:");
		}
	}

	/** The configured site, or null when there is none; a site not over https: or file: is {@link InsecureSite}. */
	static URI configuredSite() throws URISyntaxException {
		String site = FrameworkUtil.getBundle(SiteUpdate.class).getBundleContext().getProperty(SITE);
		if (site == null || site.isBlank()) {
			return null;
		}
		URI uri = new URI(site.strip());
		if (!uri.isAbsolute()) {
			throw new URISyntaxException(site, "an update site is an absolute address (file:/…, https://…)");
		}
		if (!"file".equalsIgnoreCase(uri.getScheme()) && !"https".equalsIgnoreCase(uri.getScheme())) {
			// what p2 installs runs as this workstation's code, and it checks no signature of ours: the way there
			// must be one nobody can change underway
			throw new InsecureSite(site);
		}
		return uri;
	}

	/** Asks {@code site}, and only it (not the sites the installation knew before), for updates of every root. */
	static SiteUpdate check(URI site, IProgressMonitor monitor) {
		IProvisioningAgent agent = runningAgent();
		if (agent == null || agent.getService(IProfileRegistry.class).getProfile(IProfileRegistry.SELF) == null) {
			return new SiteUpdate(null, Outcome.NO_PROFILE); // started from a build or an IDE, not an installed product
		}
		UpdateOperation op = new UpdateOperation(new ProvisioningSession(agent)); // all user-visible roots of _SELF_
		ProvisioningContext context = new ProvisioningContext(agent);
		context.setMetadataRepositories(site);
		context.setArtifactRepositories(site);
		op.setProvisioningContext(context);
		IStatus resolved = op.resolveModal(monitor);
		if (resolved.getCode() == UpdateOperation.STATUS_NOTHING_TO_UPDATE) {
			log(IStatus.INFO, "update check: nothing newer at " + site, resolved);
			return new SiteUpdate(op, Outcome.NONE);
		}
		if (resolved.getSeverity() == IStatus.ERROR || resolved.getSeverity() == IStatus.CANCEL
				|| op.getSelectedUpdates().length == 0) {
			log(IStatus.WARNING, "the update site " + site + " could not be used: " + op.getResolutionDetails(), resolved);
			return new SiteUpdate(op, Outcome.SITE_FAILED);
		}
		log(IStatus.INFO, "update check: " + op.getSelectedUpdates().length + " updates at " + site, resolved);
		return new SiteUpdate(op, Outcome.FOUND);
	}

	Outcome outcome() {
		return outcome;
	}

	/** The updates found, one line each: "radesk-counter 0.1.0.202601010000 → 0.1.0.202601020000". */
	List<String> updates() {
		return List.of(operation.getSelectedUpdates()).stream()
				.map((Update u) -> u.toUpdate.getId() + "  " + u.toUpdate.getVersion() + " → " + u.replacement.getVersion())
				.sorted().toList();
	}

	/** Downloads and installs what {@link #check} found; the new bundles run after the restart. */
	IStatus install(IProgressMonitor monitor) {
		SubMonitor work = SubMonitor.convert(monitor, 100);
		ProvisioningJob job = operation.getProvisioningJob(work.split(5));
		IStatus done = job == null ? operation.getResolutionResult() : job.runModal(work.split(95));
		log(done.isOK() ? IStatus.INFO : IStatus.ERROR, done.isOK() ? "update installed" : "the update was not installed", done);
		return done;
	}

	/** The agent of the running installation (p2.core registers it with agent.current=true). */
	private static IProvisioningAgent runningAgent() {
		BundleContext bundle = FrameworkUtil.getBundle(SiteUpdate.class).getBundleContext();
		try {
			Collection<ServiceReference<IProvisioningAgent>> refs = bundle.getServiceReferences(IProvisioningAgent.class,
					"(" + IProvisioningAgent.SERVICE_CURRENT + "=true)");
			return refs.isEmpty() ? null : bundle.getService(refs.iterator().next());
		} catch (InvalidSyntaxException e) {
			throw new IllegalStateException(e);
		}
	}

	private static void log(int severity, String message, IStatus cause) {
		org.eclipse.core.runtime.Platform.getLog(SiteUpdate.class)
				.log(new Status(severity, "radesk.ui.counter", message + " (" + cause.getMessage() + ")", cause.getException()));
	}
}
