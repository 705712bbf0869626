/** Views of the collection engine: a meter's live values with "read now". */
package io.jichao.collection.ui;
