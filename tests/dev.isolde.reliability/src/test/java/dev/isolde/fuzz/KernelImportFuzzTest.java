// SPDX-License-Identifier: EPL-2.0
package dev.isolde.fuzz;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

import dev.isolde.io.ImportException;
import dev.isolde.io.kernel.IomemReader;
import dev.isolde.io.kernel.KallsymsReader;
import dev.isolde.io.kernel.KernelFileKind;
import dev.isolde.io.kernel.PtdumpReader;
import dev.isolde.io.kernel.SlabinfoReader;
import dev.isolde.io.kernel.VmallocinfoReader;
import dev.isolde.io.machine.MachineImporter;
import dev.isolde.model.IsoldeFactory;
import dev.isolde.model.Machine;

/**
 * Every kernel file reader of dev.isolde.io.kernel, and the machine importers behind them: any bytes give records
 * or an {@link ImportException} at a line of the input. Seeds: this machine's /proc excerpts.
 */
class KernelImportFuzzTest {

	private static final KernelFileKind[] TEXT_KINDS = { KernelFileKind.KALLSYMS, KernelFileKind.IOMEM,
			KernelFileKind.SLABINFO, KernelFileKind.VMALLOCINFO, KernelFileKind.PTDUMP };

	private static Path scratch;

	@BeforeAll
	static void createScratch() throws IOException {
		scratch = Files.createTempDirectory("isolde-fuzz-vuln");
	}

	@AfterAll
	static void deleteScratch() throws IOException {
		clear(scratch);
		Files.delete(scratch);
	}

	@FuzzTest(maxDuration = "30s")
	void kallsyms(byte[] data) {
		read(data, (in, file) -> new KallsymsReader().read(in, file, symbol -> {
		}).symbols());
	}

	@FuzzTest(maxDuration = "30s")
	void iomem(byte[] data) {
		read(data, (in, file) -> new IomemReader().read(in, file, range -> {
		}).ranges());
	}

	@FuzzTest(maxDuration = "30s")
	void slabinfo(byte[] data) {
		read(data, (in, file) -> new SlabinfoReader().read(in, file, cache -> {
		}).caches());
	}

	@FuzzTest(maxDuration = "30s")
	void vmallocinfo(byte[] data) {
		read(data, (in, file) -> new VmallocinfoReader().read(in, file, area -> {
		}).areas());
	}

	@FuzzTest(maxDuration = "30s")
	void ptdump(byte[] data) {
		read(data, (in, file) -> new PtdumpReader().read(in, file, range -> {
		}).ranges());
	}

	/**
	 * The machine importers behind the readers (staging, merge, layout), for a kind chosen by the first byte; the
	 * readers' own targets above run an order of magnitude faster.
	 */
	@FuzzTest(maxDuration = "30s")
	void machineImport(byte[] data) {
		if (data.length == 0) {
			return;
		}
		KernelFileKind kind = TEXT_KINDS[(data[0] & 0xff) % TEXT_KINDS.length];
		byte[] text = Arrays.copyOfRange(data, 1, data.length);
		MachineImporter importer = new MachineImporter();
		try {
			importer.read(decode(text), Contract.FILE, kind, MachineImporter.label(kind));
		} catch (ImportException e) {
			Contract.located(Contract.FILE, e.file(), e.line(), e.column(), Contract.lines(text), e.getMessage());
			return;
		}
		Machine machine = IsoldeFactory.eINSTANCE.createMachine();
		importer.mergeInto(machine);
		if (machine.getSymbols().size() + machine.getPhysicalRanges().size() > Contract.lines(text)) {
			throw new AssertionError("more records than lines");
		}
	}

	/** The content sniffer reads the same files before any importer does. */
	@FuzzTest(maxDuration = "30s")
	void sniff(byte[] data) throws IOException {
		Path file = scratch.resolve("sniffed");
		Files.write(file, data);
		try {
			KernelFileKind.sniff(file);
		} catch (ImportException e) {
			throw new AssertionError("sniffing a readable file must not fail: " + e.getMessage(), e);
		}
	}

	/** A vulnerabilities directory: up to eight files, each a fuzzed name and content. */
	@FuzzTest(maxDuration = "30s")
	void vulnerabilities(FuzzedDataProvider data) throws IOException {
		clear(scratch);
		int files = data.consumeInt(0, 8);
		for (int i = 0; i < files; i++) {
			String name = data.consumeAsciiString(16).replaceAll("[^A-Za-z0-9_]", "_");
			Files.write(scratch.resolve("f" + i + name), data.consumeBytes(data.consumeInt(0, 512)));
		}
		MachineImporter importer = new MachineImporter();
		try {
			importer.read(scratch, KernelFileKind.VULNERABILITIES);
		} catch (ImportException e) {
			if (e.file() == null || !(e.file().startsWith(scratch.toString()))) {
				throw new AssertionError("error names '" + e.file() + "', not a file in the directory", e);
			}
			return;
		}
		importer.mergeInto(IsoldeFactory.eINSTANCE.createMachine());
	}

	/** Reads {@code data} as a file, returning how many records it held. */
	@FunctionalInterface
	private interface Read {
		long records(Reader in, String file) throws ImportException;
	}

	private static void read(byte[] data, Read reader) {
		long records;
		try {
			records = reader.records(decode(data), Contract.FILE);
		} catch (ImportException e) {
			Contract.located(Contract.FILE, e.file(), e.line(), e.column(), Contract.lines(data), e.getMessage());
			return;
		}
		if (records > Contract.lines(data)) {
			throw new AssertionError(records + " records from " + Contract.lines(data) + " lines");
		}
	}

	/** As LineSource.open decodes files: one char per byte. */
	private static Reader decode(byte[] data) {
		return new InputStreamReader(new ByteArrayInputStream(data), StandardCharsets.ISO_8859_1);
	}

	private static void clear(Path dir) throws IOException {
		try (var files = Files.list(dir)) {
			for (Path f : (Iterable<Path>) files::iterator) {
				Files.delete(f);
			}
		}
	}
}
