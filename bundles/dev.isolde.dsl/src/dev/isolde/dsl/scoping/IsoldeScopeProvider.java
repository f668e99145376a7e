// SPDX-License-Identifier: EPL-2.0
package dev.isolde.dsl.scoping;


/**
 * Local scoping of the policy language; the generated defaults suffice (contexts and classes are found by name in
 * the file and, through {@code import}, in the files it imports).
 */
public class IsoldeScopeProvider extends AbstractIsoldeScopeProvider {

}
