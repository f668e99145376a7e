// SPDX-License-Identifier: EPL-2.0
package dev.isolde.cli;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import dev.isolde.dsl.scenario.ScenarioRun;
import dev.isolde.dsl.check.Diagnostic;
import dev.isolde.dsl.check.PolicyChecker;
import dev.isolde.dsl.isolde.Scenario;
import dev.isolde.engine.kernel.Region;
import dev.isolde.engine.sim.TraceException;
import dev.isolde.engine.space.AsiInstance;
import dev.isolde.engine.space.RestrictedSpaces;
import dev.isolde.io.engine.Analysis;
import dev.isolde.io.export.AnnotationListExporter;
import dev.isolde.io.export.CocciExporter;
import dev.isolde.io.export.ExportException;
import dev.isolde.model.persist.AtomicFiles;
import dev.isolde.render.canvas.PngWriter;
import dev.isolde.render.report.HtmlReport;
import dev.isolde.render.report.Picture;

/** {@code isolde export POLICY --to cocci|json|csv|svg|png|html}: the policy as annotations, pictures or a report. */
final class ExportCommand implements Command {

	private static final List<String> FORMATS = List.of("cocci", "json", "csv", "svg", "png", "html");

	private final PolicyInputs inputs;

	ExportCommand(PolicyInputs inputs) {
		this.inputs = inputs;
	}

	@Override
	public String name() {
		return "export";
	}

	@Override
	public String summary() {
		return "export the policy: Coccinelle semantic patch, annotation list (json, csv), pictures (svg, png), report (html)";
	}

	@Override
	public String usage() {
		return "Usage: isolde export POLICY.asi --to cocci|json|csv|svg|png|html [-o FILE] [--kernel FILE.isolde]\n"
				+ "         svg, png: [--picture map|graph] [--instance NAME] [--region NAME] [--size WIDTHxHEIGHT]\n"
				+ "         html:     [--scenario NAME]\n"
				+ "cocci: a semantic patch adding the RFC's annotations where each non-sensitive object is defined\n"
				+ "       (apply with `spatch --sp-file FILE --dir linux/ --in-place`);\n"
				+ "json, csv: one row per non-sensitive object: name, kind, class, owner, rule, rationale, annotation,\n"
				+ "       site (schema: docs/annotation-list.schema.json);\n"
				+ "svg, png: the address-space map (full space and each restricted one; --region zooms to a layout\n"
				+ "       region, --instance keeps one instance) or the policy graph, drawn as the views draw them;\n"
				+ "html:  one self-contained report: checks, coverage per instance, pictures, annotation list and,\n"
				+ "       with --scenario, the simulation results per strategy.\n"
				+ "Writes FILE atomically (png needs -o), or standard output. Names that are not C identifiers stop the\n"
				+ "cocci export (exit 1).";
	}

	/** The options of one export. */
	private record Options(String to, String output, String kernel, String picture, String instance, String region,
			int[] size, String scenario) {
	}

	@Override
	public int run(List<String> argList, Console console) throws Exception {
		List<String> args = new ArrayList<>(argList);
		Options o = new Options(PolicyInputs.option(args, "--to"), PolicyInputs.option(args, "-o"),
				PolicyInputs.option(args, "--kernel"), PolicyInputs.option(args, "--picture"),
				PolicyInputs.option(args, "--instance"), PolicyInputs.option(args, "--region"),
				size(PolicyInputs.option(args, "--size")), PolicyInputs.option(args, "--scenario"));
		validate(args, o);
		if ("png".equals(o.to())) {
			// no display is needed, nor used if there is one
			System.setProperty("java.awt.headless", "true");
		}
		String policyArg = args.get(0);
		try {
			PolicyChecker.Result checked = inputs.check(policyArg, console);
			Analysis a = Analysis.run(inputs.kernel(checked, o.kernel(), console), inputs.compile(checked, console));
			return switch (o.to()) {
			case "cocci", "json", "csv" -> annotations(policyArg, a, o, console);
			case "html" -> report(policyArg, checked, a, o, console);
			default -> picture(a, o, console);
			};
		} catch (PolicyInputs.Reported r) {
			return r.exit;
		}
	}

	private static void validate(List<String> args, Options o) throws UsageException {
		if (args.size() != 1 || o.to() == null) {
			throw new UsageException("expected a policy file and --to " + String.join("|", FORMATS));
		}
		if (!FORMATS.contains(o.to())) {
			throw new UsageException("--to must be one of " + String.join(", ", FORMATS));
		}
		boolean picture = o.to().equals("svg") || o.to().equals("png");
		if (!picture && (o.picture() != null || o.instance() != null || o.region() != null || o.size() != null)) {
			throw new UsageException("--picture, --instance, --region and --size apply to --to svg and png only");
		}
		if (o.picture() != null && !o.picture().equals("map") && !o.picture().equals("graph")) {
			throw new UsageException("--picture must be map or graph");
		}
		if (o.region() != null && "graph".equals(o.picture())) {
			throw new UsageException("--region zooms the map; the graph has no address axis");
		}
		if (o.scenario() != null && !o.to().equals("html")) {
			throw new UsageException("--scenario applies to --to html only (or see `isolde simulate`)");
		}
		if (o.to().equals("png") && o.output() == null) {
			throw new UsageException("--to png needs -o FILE.png");
		}
	}

	private static int[] size(String text) throws UsageException {
		if (text == null) {
			return null;
		}
		String[] wh = text.toLowerCase(Locale.ROOT).split("x", -1);
		try {
			int w = Integer.parseInt(wh[0]);
			int h = wh.length == 2 ? Integer.parseInt(wh[1]) : -1;
			if (w >= 200 && h >= 150 && w <= 20_000 && h <= 20_000) {
				return new int[] { w, h };
			}
		} catch (NumberFormatException e) {
			// reported below
		}
		throw new UsageException("--size must be WIDTHxHEIGHT in pixels, from 200x150 to 20000x20000: " + text);
	}

	private static int annotations(String policyArg, Analysis a, Options o, Console console) throws Exception {
		String text;
		try {
			text = switch (o.to()) {
			case "cocci" -> new CocciExporter().toSmpl(a.classification());
			case "json" -> new AnnotationListExporter().render(a.classification(), AnnotationListExporter.Format.JSON);
			default -> new AnnotationListExporter().render(a.classification(), AnnotationListExporter.Format.CSV);
			};
		} catch (ExportException e) {
			console.err().println(policyArg + ": " + e.getMessage());
			return FAILED;
		}
		String note = o.to().equals("cocci") ? CocciExporter.kmallocWithoutCallSites(a.classification()) : null;
		if (note != null) {
			console.err().println(policyArg + ": note: " + note);
		}
		return write(text.getBytes(StandardCharsets.UTF_8), o, console);
	}

	private int report(String policyArg, PolicyChecker.Result checked, Analysis a, Options o, Console console)
			throws Exception {
		HtmlReport.Simulation simulation = null;
		if (o.scenario() != null) {
			Scenario scenario = ScenarioRun.find(checked.policyFile(), o.scenario());
			if (scenario == null) {
				console.err().println(policyArg + ": no scenario named " + o.scenario());
				return BAD_INPUT;
			}
			try {
				ScenarioRun run = ScenarioRun.of(scenario, a.kernel(), console.resolve(policyArg).getParent());
				simulation = new HtmlReport.Simulation(run.name(), run.label(), run.cores(), run.smt(),
						run.run(a.classification(), a.spaces(), checked.policyFile()));
			} catch (ScenarioRun.BadScenario | TraceException e) {
				console.err().println(policyArg + ": " + e.getMessage());
				return BAD_INPUT;
			}
		}
		List<HtmlReport.Diagnostic> diagnostics = new ArrayList<>();
		for (Diagnostic d : checked.diagnostics()) {
			diagnostics.add(new HtmlReport.Diagnostic(d.severity().name().toLowerCase(Locale.ROOT),
					policyArg + ":" + d.line() + ":" + d.column(), d.message()));
		}
		String html = new HtmlReport(a, diagnostics, simulation).render();
		return write(html.getBytes(StandardCharsets.UTF_8), o, console);
	}

	private static int picture(Analysis full, Options o, Console console) throws Exception {
		Analysis a = full;
		if (o.instance() != null) {
			a = onlyInstance(full, o.instance());
			if (a == null) {
				console.err().println("no instance named " + o.instance() + "; instances: "
						+ full.spaces().instances().stream().map(AsiInstance::name).toList());
				return BAD_INPUT;
			}
		}
		Picture picture;
		if ("graph".equals(o.picture())) {
			picture = Picture.graph(a);
		} else {
			Region region = o.region() == null ? null : a.kernel().region(o.region());
			if (o.region() != null && region == null) {
				console.err().println("no region named " + o.region() + "; regions: "
						+ a.kernel().regions().stream().map(Region::name).toList());
				return BAD_INPUT;
			}
			picture = Picture.map(a, region);
		}
		int w = o.size() == null ? picture.width() : o.size()[0];
		int h = o.size() == null ? picture.height() : o.size()[1];
		if (o.to().equals("svg")) {
			return write(picture.toSvg(w, h).getBytes(StandardCharsets.UTF_8), o, console);
		}
		PngWriter.write(picture.toImage(w, h), console.resolve(o.output()));
		console.out().println("wrote " + o.output());
		return OK;
	}

	/** The analysis with only the instance named {@code name} (or of the context so named), or null if none is. */
	private static Analysis onlyInstance(Analysis a, String name) {
		RestrictedSpaces s = a.spaces();
		List<AsiInstance> kept = s.instances().stream()
				.filter(i -> i.name().equals(name) || i.ctx().name().equals(name)).toList();
		return kept.isEmpty() ? null
				: new Analysis(a.kernel(), a.policy(), a.classification(),
						new RestrictedSpaces(s.full(), s.globalNonSensitive(), kept, s.problems(), s.rfc2022()), a.report());
	}

	private static int write(byte[] content, Options o, Console console) throws Exception {
		if (o.output() == null) {
			console.out().write(content);
			console.out().flush();
		} else {
			AtomicFiles.write(console.resolve(o.output()), content);
			console.out().println("wrote " + o.output());
		}
		return OK;
	}
}
