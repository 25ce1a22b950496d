package radesk.ui.counter.intake;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;

import radesk.core.registration.Field;
import radesk.core.registration.FieldProblem;
import radesk.core.registration.ProofDocument;
import radesk.core.registration.WalkInForm;
import radesk.ui.common.Forms;
import radesk.ui.common.WidgetIds;
import radesk.ui.counter.Messages;

/** The form's inputs, each with its label and a message line for its problem. */
public final class IntakeFormFields {

	private final Text name;
	private final Text nationalId;
	private final Text email;
	private final Combo raUnit;
	private final Text phone;
	private final Text address;
	private final Text organization;
	private final Text businessNumber;
	private final Composite documentBox;
	private final Map<ProofDocument, Button> documents = new EnumMap<>(ProofDocument.class);
	private final Map<Field, Label> messages = new EnumMap<>(Field.class);
	private final Map<Field, FieldProblem> shown = new EnumMap<>(Field.class);

	/**
	 * The inputs in a 3-column grid; widget ids start with {@code prefix} (e.g. {@code intake.name}).
	 * The documents checklist is shown when the papers are in hand (at the counter).
	 */
	public IntakeFormFields(Composite form, String prefix, List<String> unitNames, boolean checklist, Runnable onEdit) {
		name = text(form, Field.NAME, Messages.intake_name, prefix + ".name", onEdit);
		nationalId = text(form, Field.NATIONAL_ID, Messages.intake_nationalId, prefix + ".nationalId", onEdit);
		nationalId.setTextLimit(10);
		email = text(form, Field.EMAIL, Messages.intake_email, prefix + ".email", onEdit);
		new Label(form, SWT.NONE).setText(Messages.intake_raUnit);
		raUnit = WidgetIds.name(new Combo(form, SWT.READ_ONLY), prefix + ".raUnit");
		raUnit.setItems(unitNames.toArray(String[]::new));
		// the head office comes first; a branch's clerk picks theirs once, the form keeps it for the next applicant
		if (!unitNames.isEmpty()) {
			raUnit.select(0);
		}
		raUnit.addListener(SWT.Selection, e -> onEdit.run());
		raUnit.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, false, false));
		message(form, Field.RA_UNIT, prefix + ".raUnit.problem");
		phone = text(form, Field.PHONE, Messages.intake_phone, prefix + ".phone", onEdit);
		address = text(form, Field.ADDRESS, Messages.intake_address, prefix + ".address", onEdit);
		address.setMessage(Messages.intake_address_hint);
		organization = text(form, Field.ORGANIZATION, Messages.intake_organization, prefix + ".organization", onEdit);
		businessNumber = text(form, Field.BUSINESS_NUMBER, Messages.intake_businessNumber, prefix + ".businessNumber", onEdit);
		businessNumber.setTextLimit(8);
		if (checklist) {
			new Label(form, SWT.NONE).setText(Messages.intake_documents);
			documentBox = new Composite(form, SWT.NONE);
			documentBox.setLayout(new org.eclipse.swt.layout.RowLayout(SWT.HORIZONTAL));
			for (ProofDocument d : ProofDocument.values()) {
				Button box = WidgetIds.name(new Button(documentBox, SWT.CHECK), prefix + ".doc." + d);
				box.setText(Messages.text("document_" + d));
				box.addListener(SWT.Selection, e -> onEdit.run());
				documents.put(d, box);
			}
			message(form, Field.DOCUMENTS, prefix + ".documents.problem");
		} else {
			documentBox = null;
		}
	}

	private Text text(Composite form, Field field, String label, String id, Runnable onEdit) {
		Text text = Forms.labelledText(form, label, id, SWT.NONE, 280);
		text.addListener(SWT.Modify, e -> onEdit.run());
		message(form, field, id + ".problem");
		return text;
	}

	private void message(Composite form, Field field, String id) {
		Label message = WidgetIds.name(new Label(form, SWT.NONE), id);
		message.setForeground(form.getDisplay().getSystemColor(SWT.COLOR_RED));
		message.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
		messages.put(field, message);
	}

	public WalkInForm form(String raUnitCode) {
		java.util.Set<ProofDocument> ticked = java.util.EnumSet.noneOf(ProofDocument.class);
		documents.forEach((d, box) -> {
			if (box.getSelection()) {
				ticked.add(d);
			}
		});
		return new WalkInForm(name.getText(), nationalId.getText(), email.getText(), raUnitCode, phone.getText(), address.getText(),
				organization.getText(), businessNumber.getText(), ticked);
	}

	public int raUnitIndex() {
		return raUnit.getSelectionIndex();
	}

	/**
	 * A form's refusal, shown: its problems next to their fields (and {@code said} asks to put
	 * them right), else the service's reason in words.
	 */
	public void showRefusal(Exception refusal, java.util.function.Consumer<String> said) {
		if (refusal instanceof radesk.core.registration.InvalidFormException invalid) {
			showProblems(invalid.problems());
			said.accept(Messages.intake_fix_fields);
		} else {
			said.accept(Messages.refusal((radesk.api.ServiceException) refusal));
		}
	}

	public void showProblems(List<FieldProblem> problems) {
		shown.clear();
		messages.values().forEach(l -> l.setText(""));
		for (FieldProblem p : problems) {
			if (messages.containsKey(p.field()) && shown.putIfAbsent(p.field(), p) == null) {
				messages.get(p.field()).setText(Messages.problem(p));
			}
		}
		Color marked = name.getDisplay().getSystemColor(SWT.COLOR_YELLOW);
		for (Field field : Field.values()) {
			Control input = input(field);
			if (input != null) {
				input.setBackground(shown.containsKey(field) ? marked : null);
			}
		}
		name.getParent().layout();
	}

	public boolean showsProblems() {
		return !shown.isEmpty();
	}

	public boolean isShown(FieldProblem problem) {
		return shown.containsKey(problem.field());
	}

	private Control input(Field field) {
		return switch (field) {
		case NAME -> name;
		case NATIONAL_ID -> nationalId;
		case EMAIL -> email;
		case RA_UNIT -> raUnit;
		case PHONE -> phone;
		case ADDRESS -> address;
		case ORGANIZATION -> organization;
		case BUSINESS_NUMBER -> businessNumber;
		case DOCUMENTS -> documentBox;
		};
	}

	/** Runs {@code action} when Enter is pressed in any of the inputs (and nothing else happens). */
	public void onEnter(Runnable action) {
		for (Control c : new Control[] { name, nationalId, email, raUnit, phone, address, organization, businessNumber }) {
			c.addListener(SWT.Traverse, e -> {
				if (e.detail == SWT.TRAVERSE_RETURN) {
					e.doit = false;
					e.detail = SWT.TRAVERSE_NONE;
					action.run();
				}
			});
		}
	}

	public void clear() {
		name.setText("");
		nationalId.setText("");
		email.setText("");
		phone.setText("");
		address.setText("");
		organization.setText("");
		businessNumber.setText("");
		documents.values().forEach(box -> box.setSelection(false));
		showProblems(List.of());
		name.setFocus();
	}
}
