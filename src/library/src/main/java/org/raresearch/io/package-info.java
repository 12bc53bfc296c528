/**
 * Reading user files within bounds: a line reader that never holds more than a set number of
 * characters of a line, and the limits JSON is parsed with. Every reader of the other packages
 * reads through these, so that memory stays bounded by the limits, not by the input. This package
 * depends on nothing else of RareSearch.
 */
package org.raresearch.io;
