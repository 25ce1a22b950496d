package radesk.ui.counter.mailroom;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Group;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.ProgressBar;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Text;

import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;
import radesk.api.staff.CounterIntake;
import radesk.api.staff.MailroomDesk;
import radesk.api.staff.MailroomDesk.ImportReport;
import radesk.api.staff.RegistrationDesk;
import radesk.api.staff.RegistrationSummary;
import radesk.api.ServiceException;
import radesk.core.access.Actor;
import radesk.core.registration.InvalidFormException;
import radesk.core.registration.RaUnit;
import radesk.core.registration.WalkInForm;
import radesk.ui.common.Background;
import radesk.ui.common.Forms;
import radesk.ui.common.WidgetIds;
import radesk.ui.counter.Messages;
import radesk.ui.counter.intake.IntakeFormFields;

/**
 * 收發: postal registration forms as they arrive, one after another from the keyboard (Enter
 * stores the form and starts the next, a running count shows the batch), and a CSV file of them
 * with a report of every refused row.
 */
public final class MailroomPart {

	private final RegistrationDesk desk;
	private final MailroomDesk mailroom;
	private final CounterIntake intake;

	@Inject
	@Optional
	Actor actor;

	private List<RaUnit> units;
	private IntakeFormFields fields;
	private Button complete;
	private Label count;
	private Label outcome;
	private int batch;
	private Text csvPath;
	private Button importButton;
	private ProgressBar importing;
	private Table report;
	private Label summary;
	private Group form;

	@Inject
	public MailroomPart(RegistrationDesk desk, MailroomDesk mailroom, CounterIntake intake) {
		this.desk = desk;
		this.mailroom = mailroom;
		this.intake = intake;
	}

	@PostConstruct
	void create(Composite parent) {
		parent.setLayout(new GridLayout(1, false));
		units = intake.raUnits();
		boolean chinese = Locale.getDefault().getLanguage().equals("zh");

		form = new Group(parent, SWT.NONE);
		form.setText(Messages.mail_heading);
		form.setLayout(new GridLayout(3, false));
		form.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
		fields = new IntakeFormFields(form, "mail", units.stream().map(u -> chinese ? u.nameZhTw() : u.nameEn()).toList(), false, () -> {
		});
		fields.onEnter(this::submit);
		complete = WidgetIds.name(new Button(form, SWT.CHECK), "mail.complete");
		complete.setText(Messages.mail_complete);
		complete.setSelection(true);
		complete.setLayoutData(new GridData(SWT.LEFT, SWT.CENTER, false, false, 3, 1));
		Button save = WidgetIds.name(new Button(form, SWT.PUSH), "mail.submit");
		save.setText(Messages.mail_submit);
		save.addListener(SWT.Selection, e -> submit());
		count = WidgetIds.name(new Label(form, SWT.NONE), "mail.count");
		count.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1));
		outcome = WidgetIds.name(new Label(form, SWT.WRAP), "mail.outcome");
		outcome.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 3, 1));
		showCount();

		Group csv = new Group(parent, SWT.NONE);
		csv.setText(Messages.mail_csv_heading);
		csv.setLayout(new GridLayout(4, false));
		csv.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
		csvPath = Forms.labelledText(csv, Messages.mail_csv_file, "mail.csv.path", SWT.NONE, 360);
		Button browse = WidgetIds.name(new Button(csv, SWT.PUSH), "mail.csv.browse");
		browse.setText(Messages.mail_csv_browse);
		browse.addListener(SWT.Selection, e -> {
			FileDialog dialog = new FileDialog(parent.getShell(), SWT.OPEN);
			dialog.setFilterExtensions(new String[] { "*.csv", "*" });
			String chosen = dialog.open();
			if (chosen != null) {
				csvPath.setText(chosen);
			}
		});
		importButton = WidgetIds.name(new Button(csv, SWT.PUSH), "mail.csv.import");
		importButton.setText(Messages.mail_csv_import);
		importButton.addListener(SWT.Selection, e -> importCsv());
		Label hint = new Label(csv, SWT.WRAP);
		hint.setText(Messages.mail_csv_hint);
		hint.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 4, 1));
		importing = WidgetIds.name(new ProgressBar(csv, SWT.INDETERMINATE), "mail.csv.progress");
		importing.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 4, 1));
		importing.setVisible(false);
		summary = WidgetIds.name(new Label(csv, SWT.WRAP), "mail.csv.summary");
		summary.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 4, 1));
		report = WidgetIds.name(new Table(csv, SWT.BORDER | SWT.FULL_SELECTION), "mail.csv.report");
		report.setHeaderVisible(true);
		report.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true, 4, 1));
		new TableColumn(report, SWT.RIGHT).setText(Messages.mail_csv_line);
		new TableColumn(report, SWT.LEFT).setText(Messages.mail_csv_problem);
	}

	private void showCount() {
		count.setText(NLS.bind(Messages.mail_count, batch));
		count.getParent().layout();
	}

	/** Stores the form (and starts its review) in a Job, the form locked meanwhile: Enter again does not store it twice. */
	private void submit() {
		if (!form.isEnabled()) {
			return;
		}
		int unit = fields.raUnitIndex();
		WalkInForm typed = fields.form(unit < 0 ? "" : units.get(unit).code());
		boolean review = complete.getSelection();
		Actor who = actor;
		Background.of(outcome, Messages.text("job_submit")).user().disabling(form).run(() -> {
			RegistrationSummary stored = desk.submitPostal(who, typed);
			if (review) {
				desk.startReview(who, stored.id());
			}
			return stored;
		}, stored -> {
			fields.clear();
			batch++;
			showCount();
			say(NLS.bind(review ? Messages.mail_stored_review : Messages.mail_stored, stored.id(), stored.applicantName()));
		}, e -> fields.showRefusal(e, this::say));
	}

	private void say(String text) {
		outcome.setText(text);
		outcome.getParent().layout();
	}

	private void importCsv() {
		Path file = Path.of(csvPath.getText().strip());
		String text;
		try {
			text = Files.readString(file, StandardCharsets.UTF_8);
		} catch (IOException | RuntimeException e) {
			summary.setText(NLS.bind(Messages.mail_csv_unreadable, csvPath.getText()));
			summary.getParent().layout();
			return;
		}
		Actor who = actor;
		importButton.setEnabled(false);
		importing.setVisible(true);
		report.removeAll();
		summary.setText(Messages.mail_csv_running);
		Job job = Job.create(Messages.mail_csv_job, monitor -> {
			monitor.beginTask(Messages.mail_csv_job, org.eclipse.core.runtime.IProgressMonitor.UNKNOWN);
			try {
				ImportReport result = mailroom.importPostal(who, text);
				report.getDisplay().asyncExec(() -> imported(result, null));
			} catch (ServiceException e) {
				report.getDisplay().asyncExec(() -> imported(null, e));
			} finally {
				monitor.done();
			}
			return Status.OK_STATUS;
		});
		job.setUser(true);
		job.schedule();
	}

	private void imported(ImportReport result, ServiceException failure) {
		if (report.isDisposed()) {
			return;
		}
		importButton.setEnabled(true);
		importing.setVisible(false);
		if (failure != null) {
			summary.setText(Messages.refusal(failure));
		} else {
			summary.setText(NLS.bind(Messages.mail_csv_done, result.stored(), result.rejected().size()));
			for (MailroomDesk.RejectedRow row : result.rejected()) {
				String why = row.problems().isEmpty() ? Messages.text("mail_csv_note_" + row.note())
						: row.problems().stream().map(Messages::problem).collect(Collectors.joining(" "));
				new TableItem(report, SWT.NONE).setText(new String[] { Integer.toString(row.line()), why });
			}
			for (TableColumn c : report.getColumns()) {
				c.pack();
			}
		}
		summary.getParent().layout();
	}
}
