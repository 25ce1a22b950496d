package radesk.ui.counter.intake;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Group;
import org.eclipse.swt.widgets.Label;

import org.eclipse.e4.core.di.annotations.Optional;

import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;
import radesk.api.staff.CounterIntake;
import radesk.api.staff.RegistrationSummary;
import radesk.api.ServiceException;
import radesk.core.access.Actor;
import radesk.core.registration.FieldProblem;
import radesk.core.registration.InvalidFormException;
import radesk.core.registration.RaUnit;
import radesk.core.registration.WalkInForm;
import radesk.ui.common.Background;
import radesk.ui.common.WidgetIds;
import radesk.ui.counter.Messages;

/**
 * 臨櫃註冊申請: the clerk types the applicant's form; on save the service checks it again and
 * stores it as a request in review. Problems appear next to their fields, in the UI's language.
 */
public final class WalkInIntakePart {

	private static final int RECENT = 50;

	private final CounterIntake intake;

	/** Whoever is signed in at this workstation now (切換使用者 changes it). */
	@Inject
	@Optional
	Actor actor;

	private List<RaUnit> units;
	private IntakeFormFields fields;
	private Label outcome;
	private RecentRequestsTable recent;
	private Group form;

	@Inject
	public WalkInIntakePart(CounterIntake intake) {
		this.intake = intake;
	}

	@PostConstruct
	void create(Composite parent) {
		parent.setLayout(new GridLayout(1, false));
		units = intake.raUnits();
		form = new Group(parent, SWT.NONE);
		form.setText(Messages.intake_heading);
		form.setLayout(new GridLayout(3, false));
		form.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
		boolean chinese = Locale.getDefault().getLanguage().equals("zh");
		fields = new IntakeFormFields(form, "intake", units.stream().map(u -> chinese ? u.nameZhTw() : u.nameEn()).toList(), true,
				this::recheckShownProblems);

		Composite buttons = new Composite(form, SWT.NONE);
		buttons.setLayout(new GridLayout(3, false));
		buttons.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 3, 1));
		Button save = WidgetIds.name(new Button(buttons, SWT.PUSH), "intake.submit");
		save.setText(Messages.intake_submit);
		save.addListener(SWT.Selection, e -> submit());
		parent.getShell().setDefaultButton(save);
		Button clear = WidgetIds.name(new Button(buttons, SWT.PUSH), "intake.clear");
		clear.setText(Messages.intake_clear);
		clear.addListener(SWT.Selection, e -> fields.clear());
		outcome = WidgetIds.name(new Label(buttons, SWT.WRAP), "intake.outcome");
		outcome.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));

		recent = new RecentRequestsTable(parent, code -> units.stream().filter(u -> u.code().equals(code))
				.map(u -> chinese ? u.nameZhTw() : u.nameEn()).findFirst().orElse(code));
		// the list is staff's business: shown once someone has signed in (the RA server asks who)
		if (actor != null) {
			recent.read(intake, actor, RECENT, this::say);
		}
	}

	/** Someone signed in (or the next person): the recent requests, as the service has them now. */
	@Inject
	void signedIn(@Optional Actor who) {
		if (recent != null && who != null) {
			recent.read(intake, who, RECENT, this::say);
		}
	}

	private WalkInForm typedForm() {
		int unit = fields.raUnitIndex();
		return fields.form(unit < 0 ? "" : units.get(unit).code());
	}

	/** Stores the form in a Job, the form locked meanwhile (so nothing typed for the next applicant is lost). */
	private void submit() {
		WalkInForm typed = typedForm();
		Actor who = actor;
		Background.of(outcome, Messages.text("job_submit")).user().disabling(form)
				.onFailure(e -> say(NLS.bind(Messages.intake_store_failed, e.getMessage())))
				.run(() -> intake.submitWalkIn(who, typed), this::stored, this::refused);
	}

	private void stored(RegistrationSummary stored) {
		fields.clear();
		say(NLS.bind(Messages.intake_received, stored.id(), stored.applicantName()));
		recent.read(intake, actor, RECENT, this::say);
	}

	/** Problems next to their fields, or the service's refusal. */
	private void refused(Exception e) {
		fields.showRefusal(e, this::say);
	}

	private void say(String text) {
		outcome.setText(text);
		outcome.getParent().layout();
	}

	/** Once a problem is shown, typing re-checks the form so the message goes when it is fixed. */
	private void recheckShownProblems() {
		if (fields.showsProblems()) {
			Set<String> codes = units.stream().map(RaUnit::code).collect(Collectors.toSet());
			List<FieldProblem> problems = new java.util.ArrayList<>(typedForm().problems(codes));
			problems.addAll(typedForm().documentProblems());
			fields.showProblems(problems.stream().filter(fields::isShown).toList());
		}
	}
}
