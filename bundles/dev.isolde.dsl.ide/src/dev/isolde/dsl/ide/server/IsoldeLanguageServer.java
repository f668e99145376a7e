// SPDX-License-Identifier: EPL-2.0
package dev.isolde.dsl.ide.server;

import java.io.InputStream;
import java.io.OutputStream;
import java.util.concurrent.ExecutionException;

import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.xtext.ide.server.LanguageServerImpl;
import org.eclipse.xtext.ide.server.ServerModule;
import org.eclipse.xtext.resource.IResourceServiceProvider;
import org.eclipse.xtext.resource.impl.ResourceServiceProviderRegistryImpl;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.util.Modules;

import dev.isolde.dsl.ide.IsoldeIdeSetup;

/** The Isolde policy language as a Language Server Protocol server (Xtext's {@link LanguageServerImpl}). */
public final class IsoldeLanguageServer {

	private IsoldeLanguageServer() {
	}

	/** Serves LSP JSON-RPC read from {@code in} and written to {@code out} until the client closes {@code in}. */
	public static void serve(InputStream in, OutputStream out) throws InterruptedException, ExecutionException {
		// ServerModule finds languages with java.util.ServiceLoader, which sees nothing inside OSGi; register ours.
		Injector language = new IsoldeIdeSetup().createInjectorAndDoEMFRegistration();
		ResourceServiceProviderRegistryImpl languages = new ResourceServiceProviderRegistryImpl();
		languages.getExtensionToFactoryMap().put("asi", language.getInstance(IResourceServiceProvider.class));
		Injector server = Guice.createInjector(Modules.override(new ServerModule())
				.with(binder -> binder.bind(IResourceServiceProvider.Registry.class).toInstance(languages)));
		LanguageServerImpl languageServer = server.getInstance(LanguageServerImpl.class);
		Launcher<LanguageClient> launcher = Launcher.createLauncher(languageServer, LanguageClient.class, in, out);
		languageServer.connect(launcher.getRemoteProxy());
		launcher.startListening().get();
	}
}
