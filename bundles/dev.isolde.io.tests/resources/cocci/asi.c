// SPDX-License-Identifier: GPL-2.0
static unsigned long jiffies_64;
int x __read_mostly;
static int secret_key;
DEFINE_PER_CPU(int, cpu_number);

void kvm_init(void)
{
	kvm_vcpu_cache = kmem_cache_create("kvm_vcpu", size, align, SLAB_ACCOUNT, NULL);
}

static struct page *alloc_vmcs_page(int order)
{
	return alloc_pages(GFP_KERNEL, order);
}

static struct page *unrelated(void)
{
	return alloc_pages(GFP_KERNEL, 0);
}

void *bpf_prog_alloc(unsigned long size)
{
	return __vmalloc_node_range(size, 1, VMALLOC_START, VMALLOC_END, GFP_KERNEL, PAGE_KERNEL, 0, NUMA_NO_NODE, NULL);
}
