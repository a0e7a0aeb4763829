// deck.gl, loaded as its own module after the Map's first picture (see main.js).
export {Deck, OrthographicView} from '@deck.gl/core';
export {IconLayer, PathLayer, ScatterplotLayer} from '@deck.gl/layers';
