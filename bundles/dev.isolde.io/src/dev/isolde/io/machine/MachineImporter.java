// SPDX-License-Identifier: EPL-2.0
package dev.isolde.io.machine;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

import org.eclipse.emf.common.util.EList;
import org.eclipse.emf.ecore.util.InternalEList;

import dev.isolde.io.ImportException;
import dev.isolde.io.kernel.KernelFileKind;
import dev.isolde.io.kernel.LineSource;
import dev.isolde.model.AddressSpace;
import dev.isolde.model.Machine;
import dev.isolde.model.Mapping;
import dev.isolde.model.MemoryObject;
import dev.isolde.model.PhysicalRange;
import dev.isolde.model.layout.X86_64Layout;

/**
 * Imports kernel files into a {@link Machine}, all or nothing: every file is parsed into staging lists first, and
 * the machine changes only in {@link #mergeInto(Machine)}, after every file has parsed.
 */
public final class MachineImporter {

	/** The label of a System.map import, which the kallsyms reader reads. */
	public static final String SYSTEM_MAP = "systemmap";

	private final boolean sample;
	private final StagedImport staged = new StagedImport();
	private boolean merged;

	/** An importer that keeps every symbol. */
	public MachineImporter() {
		this(false);
	}

	/** An importer that, if {@code sample}, keeps only the text symbols of a {@link TextSymbolSample}. */
	public MachineImporter(boolean sample) {
		this.sample = sample;
	}

	/** The label a kind is recorded under in an import source, e.g. {@code kallsyms}. */
	public static String label(KernelFileKind kind) {
		return kind.name().toLowerCase(Locale.ROOT);
	}

	/** Parses a file of a known kind into the staging lists, recording it as {@link #label(KernelFileKind)}. */
	public void read(Path path, KernelFileKind kind) throws ImportException {
		read(path, kind, label(kind));
	}

	/**
	 * Parses a file or, for {@link KernelFileKind#VULNERABILITIES}, a directory into the staging lists, recording it
	 * as {@code label}; on failure nothing of this file is staged.
	 */
	public void read(Path path, KernelFileKind kind, String label) throws ImportException {
		read(path, path.toString(), kind, label);
	}

	/** Like {@link #read(Path, KernelFileKind, String)}, naming the file {@code file} in errors and its source. */
	public void read(Path path, String file, KernelFileKind kind, String label) throws ImportException {
		checkNotMerged();
		StagedImport part = new StagedImport();
		if (kind == KernelFileKind.VULNERABILITIES) {
			new VulnerabilitiesImporter().read(path, label, part);
		} else {
			try (LineCountingReader in = new LineCountingReader(LineSource.open(path))) {
				read(in, file, kind, label, part);
			} catch (IOException e) {
				throw LineSource.ioError(file, e);
			}
		}
		absorb(part);
	}

	/** Parses text of a kind other than {@link KernelFileKind#VULNERABILITIES} that was read from {@code file}. */
	public void read(Reader text, String file, KernelFileKind kind, String label) throws ImportException {
		checkNotMerged();
		StagedImport part = new StagedImport();
		read(new LineCountingReader(text), file, kind, label, part);
		absorb(part);
	}

	private void read(LineCountingReader in, String file, KernelFileKind kind, String label, StagedImport part)
			throws ImportException {
		switch (kind) {
		case KALLSYMS -> new KallsymsImporter(sample).read(in, file, label, part);
		case IOMEM -> new IomemImporter().read(in, file, label, part);
		case SLABINFO -> new SlabinfoImporter().read(in, file, label, part);
		case VMALLOCINFO -> new VmallocinfoImporter().read(in, file, label, part);
		case PTDUMP -> new PtdumpImporter().read(in, file, label, part);
		case VULNERABILITIES -> throw new IllegalArgumentException("vulnerabilities are a directory, not text");
		}
	}

	private void absorb(StagedImport part) {
		staged.symbols.addAll(part.symbols);
		staged.objects.addAll(part.objects);
		staged.physicalRanges.addAll(part.physicalRanges);
		staged.slabCaches.addAll(part.slabCaches);
		staged.addressSpaces.addAll(part.addressSpaces);
		staged.vulnerabilities.addAll(part.vulnerabilities);
		staged.sources.addAll(part.sources);
		staged.imageObjects.addAll(part.imageObjects);
		if (part.textBase != 0) {
			staged.textBase = part.textBase;
		}
		if (part.physicalMemory >= 0) {
			staged.physicalMemory = part.physicalMemory;
		}
		if (part.kernelCodePhysical >= 0) {
			staged.kernelCodePhysical = part.kernelCodePhysical;
		}
		staged.fiveLevel |= part.fiveLevel;
	}

	/**
	 * Adds everything staged to {@code target}, sets the bases, RAM size and paging depth it learnt, places kernel
	 * image objects at their physical addresses and lays out the regions again; this importer must not be used
	 * afterwards.
	 */
	public void mergeInto(Machine target) {
		checkNotMerged();
		merged = true;
		if (staged.textBase != 0) {
			target.setTextBase(staged.textBase);
		}
		if (staged.physicalMemory >= 0) {
			target.setPhysicalMemory(staged.physicalMemory);
		}
		long kernelCode = staged.kernelCodePhysical >= 0 ? staged.kernelCodePhysical
				: find(target.getPhysicalRanges(), IomemImporter.KERNEL_CODE);
		long text = target.getTextBase();
		if (kernelCode >= 0 && text != 0) {
			// The kernel text mapping maps the image linearly (mm.rst: "kernel text mapping, mapped to physical
			// address 0" plus the load offset), so an image address is "Kernel code" plus its offset from _text.
			for (MemoryObject o : staged.imageObjects) {
				o.setPhysicalStart(kernelCode + (o.getStart() - text));
			}
		}
		addAll(target.getSymbols(), staged.symbols);
		addAll(target.getMemoryObjects(), staged.objects);
		addAll(target.getPhysicalRanges(), staged.physicalRanges);
		addAll(target.getSlabCaches(), staged.slabCaches);
		addAll(target.getAddressSpaces(), staged.addressSpaces);
		addAll(target.getVulnerabilities(), staged.vulnerabilities);
		addAll(target.getSources(), staged.sources);
		if (staged.fiveLevel) {
			target.setPagingLevels(5);
		}
		X86_64Layout.populate(target);
		linkRegions(target);
	}

	// The staged objects move into the first target, so a second merge or read would split one import in two.
	private void checkNotMerged() {
		if (merged) {
			throw new IllegalStateException("this import was already merged into a machine");
		}
	}

	/** Imports {@code files} into {@code target}, all or nothing. */
	public static void importInto(Machine target, List<InputFile> files, boolean sample) throws ImportException {
		MachineImporter importer = new MachineImporter(sample);
		for (InputFile file : files) {
			importer.read(file.path(), file.name(), file.kind(), file.label());
		}
		importer.mergeInto(target);
	}

	/** One file to import, of a known kind, recorded under {@code label} and named {@code name} in errors. */
	public record InputFile(Path path, String name, KernelFileKind kind, String label) {
	}

	// Fresh objects cannot be in the list yet, so the uniqueness search of EList.addAll is skipped.
	@SuppressWarnings("unchecked")
	private static <T> void addAll(EList<T> list, Collection<? extends T> items) {
		((InternalEList<T>) list).addAllUnique(items);
	}

	private static long find(List<PhysicalRange> ranges, String name) {
		for (PhysicalRange r : ranges) {
			if (name.equals(r.getName())) {
				return r.getStart();
			}
			long inner = find(r.getChildren(), name);
			if (inner >= 0) {
				return inner;
			}
		}
		return -1;
	}

	/** Points every mapping at the layout region holding its start, as the regions were just replaced. */
	private static void linkRegions(Machine target) {
		RegionIndex regions = RegionIndex.of(target.getRegions());
		for (AddressSpace space : target.getAddressSpaces()) {
			for (Mapping m : space.getMappings()) {
				m.setRegion(regions.regionOf(m.getVirtualStart()));
			}
		}
	}
}
