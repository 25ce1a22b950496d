package radesk.ui.counter.issuance;

import java.util.List;

import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.SubMonitor;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.ProgressBar;

import radesk.api.CardReaders;
import radesk.api.CardSlot;
import radesk.api.ServiceException;
import radesk.api.staff.NewCard;
import radesk.core.access.Actor;
import radesk.flows.counter.CounterCardFlows;
import radesk.ui.common.ProgressInPart;
import radesk.ui.common.WidgetIds;
import radesk.ui.counter.Messages;

/**
 * 晶片卡個人化 on the issuance screen: the readers and their cards, and the flow run as an Eclipse
 * Job with its steps in a progress bar — never on the UI thread.
 */
final class PersonalizeStep {

	/** How a personalization ended, told on the UI thread. */
	interface Outcome {
		void personalized(NewCard card);

		void refused(String words);
	}

	private final CardReaders readers;
	private final CounterCardFlows cards;
	private final java.util.function.Consumer<String> say;
	private final Combo reader;
	final Button personalize;
	private final ProgressBar progress;
	private final Label step;
	private List<CardSlot> slots = List.of();

	/** {@code say}: where a card problem met while reading the readers is told. */
	PersonalizeStep(Composite left, CardReaders readers, CounterCardFlows cards, Runnable onPersonalize,
			java.util.function.Consumer<String> say) {
		this.readers = readers;
		this.cards = cards;
		this.say = say;
		new Label(left, SWT.NONE).setText(Messages.issue_reader);
		reader = WidgetIds.name(new Combo(left, SWT.READ_ONLY), "issuance.reader");
		reader.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
		Button rescan = WidgetIds.name(new Button(left, SWT.PUSH), "issuance.readers.refresh");
		rescan.setText(Messages.issue_readers_refresh);
		personalize = WidgetIds.name(new Button(left, SWT.PUSH), "issuance.personalize");
		personalize.setText(Messages.issue_personalize);
		personalize.addListener(SWT.Selection, e -> onPersonalize.run());
		progress = WidgetIds.name(new ProgressBar(left, SWT.HORIZONTAL | SWT.SMOOTH), "issuance.progress");
		progress.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1));
		step = WidgetIds.name(new Label(left, SWT.NONE), "issuance.step");
		step.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1));
		rescan.addListener(SWT.Selection, e -> readReaders());
	}

	/** The readers afresh, the first blank card chosen; a card problem is told. */
	void readReaders() {
		slots = radesk.ui.counter.ReaderSlots.fill(reader, readers, say::accept);
	}


	/** The slot of the reader chosen, or -1 when it holds no card. */
	long chosenSlot() {
		int r = reader.getSelectionIndex();
		return r < 0 || r >= slots.size() || !slots.get(r).cardPresent() ? -1 : slots.get(r).slotId();
	}

	/** Runs {@link CounterCardFlows#personalize} in a Job; {@code outcome} hears on the UI thread, the readers read again. */
	void start(Actor clerk, long subscriberId, long slotId, Outcome outcome) {
		progress.setSelection(0);
		Job job = Job.create(Messages.issue_job, monitor -> {
			SubMonitor work = SubMonitor.convert(new ProgressInPart(monitor, progress, step), Messages.issue_job, 3);
			try {
				NewCard card = cards.personalize(clerk, subscriberId, slotId, s -> {
					work.subTask(Messages.text("issue_step_" + s));
					work.worked(1);
				});
				step.getDisplay().asyncExec(() -> {
					if (!step.isDisposed()) {
						progress.setSelection(progress.getMaximum());
						step.setText(Messages.issue_step_done);
						readReaders();
					}
					outcome.personalized(card);
				});
			} catch (ServiceException e) {
				String words = e.reason() == ServiceException.Reason.CARD ? Messages.cardProblem(e.card()) : Messages.refusal(e);
				step.getDisplay().asyncExec(() -> {
					if (!step.isDisposed()) {
						progress.setSelection(0);
						step.setText("");
						readReaders();
					}
					outcome.refused(words);
				});
			}
			return Status.OK_STATUS;
		});
		job.setUser(true);
		job.schedule();
	}
}
