package radesk.ui.counter.staff;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.SubMonitor;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Group;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.ProgressBar;
import org.eclipse.swt.widgets.Text;

import radesk.api.CardReaders;
import radesk.api.CardSlot;
import radesk.api.ServiceException;
import radesk.api.staff.StaffCardDesk;
import radesk.api.staff.StaffDesk.StaffMember;
import radesk.core.access.Actor;
import radesk.core.card.Pins;
import radesk.core.revocation.RevocationReason;
import radesk.flows.counter.CounterCardFlows;
import radesk.flows.counter.IssueStaffCard;
import radesk.ui.common.Background;
import radesk.ui.common.Forms;
import radesk.ui.common.ProgressInPart;
import radesk.ui.common.WidgetIds;
import radesk.ui.counter.Messages;

/**
 * 員工卡 on 人員管理: the administrator issues the person chosen in the list their own staff card
 * (a blank card in this workstation's reader, the PIN typed twice by its holder; the flow runs as
 * a Job with its steps in a progress bar), or revokes the card they hold.
 */
final class StaffCardGroup {

	private static final RevocationReason[] REASONS = { RevocationReason.KEY_LOST, RevocationReason.KEY_DAMAGED,
			RevocationReason.DATA_CHANGED, RevocationReason.KEY_EXPOSED };

	private final CardReaders readers;
	private final CounterCardFlows flows;
	private final StaffCardDesk cards;
	private final Supplier<StaffMember> chosen;
	private final Supplier<Actor> administrator;
	private final Consumer<String> say;
	private final Consumer<String> changed;
	private final Combo reader;
	private final Text pin;
	private final Text pinAgain;
	private final Button issue;
	private final Combo reason;
	private final Button revoke;
	private final ProgressBar progress;
	private final Label step;
	private List<CardSlot> slots = List.of();

	/** {@code changed}: the staff list is read again, then the words are shown. */
	StaffCardGroup(Composite parent, CardReaders readers, CounterCardFlows flows, StaffCardDesk cards, Supplier<StaffMember> chosen,
			Supplier<Actor> administrator, Consumer<String> say, Consumer<String> changed) {
		this.readers = readers;
		this.flows = flows;
		this.cards = cards;
		this.chosen = chosen;
		this.administrator = administrator;
		this.say = say;
		this.changed = changed;
		Group group = new Group(parent, SWT.NONE);
		group.setText(Messages.text("staffcard_heading"));
		group.setLayout(new GridLayout(4, false));
		group.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
		new Label(group, SWT.NONE).setText(Messages.text("staffcard_reader"));
		reader = WidgetIds.name(new Combo(group, SWT.READ_ONLY), "staffcard.reader");
		reader.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1));
		Button rescan = WidgetIds.name(new Button(group, SWT.PUSH), "staffcard.readers.refresh");
		rescan.setText(Messages.issue_readers_refresh);
		rescan.addListener(SWT.Selection, e -> readReaders());
		pin = Forms.labelledText(group, Messages.text("staffcard_pin"), "staffcard.pin", SWT.PASSWORD, 120);
		pinAgain = Forms.labelledText(group, Messages.text("staffcard_pin_again"), "staffcard.pinAgain", SWT.PASSWORD, 120);
		issue = WidgetIds.name(new Button(group, SWT.PUSH), "staffcard.issue");
		issue.setText(Messages.text("staffcard_issue"));
		issue.addListener(SWT.Selection, e -> issue());
		progress = WidgetIds.name(new ProgressBar(group, SWT.HORIZONTAL | SWT.SMOOTH), "staffcard.progress");
		progress.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1));
		step = WidgetIds.name(new Label(group, SWT.NONE), "staffcard.step");
		step.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 1, 1));
		new Label(group, SWT.NONE).setText(Messages.text("staffcard_reason"));
		reason = WidgetIds.name(new Combo(group, SWT.READ_ONLY), "staffcard.reason");
		for (RevocationReason r : REASONS) {
			reason.add(Messages.text("staffcard_reason_" + r));
		}
		reason.select(0);
		revoke = WidgetIds.name(new Button(group, SWT.PUSH), "staffcard.revoke");
		revoke.setText(Messages.text("staffcard_revoke"));
		revoke.addListener(SWT.Selection, e -> revoke());
		readReaders();
	}

	/** The readers afresh, the first blank card chosen. */
	void readReaders() {
		slots = radesk.ui.counter.ReaderSlots.fill(reader, readers, say::accept);
	}


	private void issue() {
		StaffMember person = chosen.get();
		if (person == null) {
			say.accept(Messages.staff_choose_person);
			return;
		}
		char[] typed = pin.getText().toCharArray();
		char[] again = pinAgain.getText().toCharArray();
		pin.setText("");
		pinAgain.setText("");
		boolean same = java.util.Arrays.equals(typed, again);
		java.util.Arrays.fill(again, '\0');
		int r = reader.getSelectionIndex();
		String problem = !same ? "staffcard_pins_differ" : !Pins.isValidUserPin(typed) ? "staffcard_pin_rule"
				: r < 0 || r >= slots.size() || !slots.get(r).cardPresent() || slots.get(r).initialized() ? "staffcard_no_blank" : null;
		if (problem != null) {
			java.util.Arrays.fill(typed, '\0');
			say.accept(Messages.text(problem));
			return;
		}
		long slot = slots.get(r).slotId();
		Actor admin = administrator.get();
		issue.setEnabled(false);
		revoke.setEnabled(false);
		progress.setSelection(0);
		Job job = Job.create(Messages.text("staffcard_job"), monitor -> {
			SubMonitor work = SubMonitor.convert(new ProgressInPart(monitor, progress, step), Messages.text("staffcard_job"),
					IssueStaffCard.Step.values().length);
			String words;
			boolean done;
			try {
				String serial = flows.issueStaffCard(admin, person.account(), slot, typed, s -> {
					work.subTask(Messages.text("staffcard_step_" + s));
					work.worked(1);
				});
				words = NLS.bind(Messages.text("staffcard_issued"), serial, person.account());
				done = true;
			} catch (ServiceException e) {
				words = e.reason() == ServiceException.Reason.CARD ? Messages.cardProblem(e.card()) : Messages.refusal(e);
				done = false;
			}
			String said = words;
			boolean issued = done;
			step.getDisplay().asyncExec(() -> {
				if (step.isDisposed()) {
					return;
				}
				progress.setSelection(issued ? progress.getMaximum() : 0);
				step.setText(issued ? Messages.text("staffcard_step_done") : "");
				issue.setEnabled(true);
				revoke.setEnabled(true);
				readReaders();
				if (issued) {
					changed.accept(said);
				} else {
					say.accept(said);
				}
			});
			return Status.OK_STATUS;
		});
		job.setUser(true);
		job.schedule();
	}

	private void revoke() {
		StaffMember person = chosen.get();
		if (person == null) {
			say.accept(Messages.staff_choose_person);
			return;
		}
		if (person.staffCard() == null) {
			say.accept(NLS.bind(Messages.text("staffcard_none"), person.account()));
			return;
		}
		String serial = person.staffCard().serial();
		RevocationReason why = REASONS[Math.max(0, reason.getSelectionIndex())];
		Actor admin = administrator.get();
		Background.of(revoke, Messages.text("job_staff_change")).user().disabling(revoke, issue).run(() -> {
			cards.revoke(admin, serial, why);
			return Boolean.TRUE;
		}, ok -> changed.accept(NLS.bind(Messages.text("staffcard_revoked"), serial, person.account())),
				e -> say.accept(Messages.refusal(e)));
	}
}
