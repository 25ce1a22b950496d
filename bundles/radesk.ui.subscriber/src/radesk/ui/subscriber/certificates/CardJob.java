package radesk.ui.subscriber.certificates;

import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;

import org.eclipse.core.runtime.Platform;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.SubMonitor;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.ProgressBar;

import radesk.api.CardAccessException;
import radesk.api.SubscriberRa;
import radesk.ui.common.ProgressInPart;
import radesk.ui.subscriber.Messages;

/**
 * One piece of the subscriber's card work (憑證申請, 憑證下載, 憑證展期) as an Eclipse Job: the flow's
 * steps in the part's progress bar, never on the UI thread, and what came of it in words — the
 * card's, the RA's, the network's, or (a fault of ours, logged) a plain apology.
 */
final class CardJob {

	@FunctionalInterface
	interface Work {
		/** The work; its words when done. */
		String run(Consumer<radesk.flows.Step> steps) throws Exception;
	}

	private CardJob() {
	}

	/** {@code refused}: the words for the RA's refusals; {@code finished}: the words and whether it was done, on the UI thread. */
	static void start(String title, ProgressBar progress, Label step, Work work, Function<SubscriberRa.Refused, String> refused,
			BiConsumer<String, Boolean> finished) {
		Job job = Job.create(title, monitor -> {
			SubMonitor steps = SubMonitor.convert(new ProgressInPart(monitor, progress, step), title, radesk.flows.Step.values().length);
			String said;
			boolean ok = false;
			try {
				said = work.run(s -> {
					steps.subTask(Messages.text("certs_step_" + s));
					steps.worked(1);
				});
				ok = true;
			} catch (CardAccessException e) {
				said = Messages.cardProblem(e, "certs_");
			} catch (SubscriberRa.Refused e) {
				said = refused.apply(e);
			} catch (java.io.IOException e) {
				said = Messages.noServer(e);
			} catch (Exception e) {
				Platform.getLog(CardJob.class).error(title + " failed", e);
				said = Messages.refusal("INTERNAL", -1);
			}
			String words = said;
			boolean done = ok;
			if (!step.isDisposed()) {
				step.getDisplay().asyncExec(() -> finished.accept(words, done));
			}
			return Status.OK_STATUS;
		});
		job.setUser(true);
		job.schedule();
	}
}
