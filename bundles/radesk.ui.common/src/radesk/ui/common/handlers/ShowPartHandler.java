package radesk.ui.common.handlers;

import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.eclipse.e4.ui.workbench.modeling.EPartService.PartState;

import jakarta.inject.Named;

/** Brings a screen to the front: the menu item names its part in the command's {@link #PART} parameter. */
public final class ShowPartHandler {

	public static final String PART = "radesk.command.showPart.part";

	@Execute
	void execute(EPartService parts, @Named(PART) String partId) {
		parts.showPart(partId, PartState.ACTIVATE);
	}
}
